using System.Text;

namespace FlameHub.Testing.Serving;

/// <summary>One file of an archive: its entry name and a stream of its bytes, opened when the archive was asked for.</summary>
internal sealed record TarEntry(string Name, long Length, Stream Content);

/// <summary>
/// A ustar archive read as it is produced, as the Hub streams a bucket: per entry a 512-byte header
/// (mode 0644, uid and gid 0, the given modification time) and its bytes padded to 512, then two
/// zero blocks. The entries' bytes are read from their streams when the reader gets there, so a
/// large bucket is never held in memory.
/// </summary>
internal sealed class TarStream(IReadOnlyList<TarEntry> entries, DateTimeOffset modified) : Stream
{
    private const int Block = 512;
    private int _entry = -1;
    private Stream? _part = new MemoryStream([], writable: false);
    private Phase _phase = Phase.Header;

    private enum Phase { Header, Content, Padding, End, Done }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (buffer.Length > 0 && _part is not null)
        {
            var read = _part.Read(buffer);
            if (read > 0) return read;
            Next();
        }
        return 0;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (buffer.Length > 0 && _part is not null)
        {
            var read = await _part.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read > 0) return read;
            Next();
        }
        return 0;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var entry in entries) entry.Content.Dispose();
            _part = null;
        }
        base.Dispose(disposing);
    }

    /// <summary>Moves to the next part once the current one is read: header, content, padding of each entry, then the end blocks.</summary>
    private void Next()
    {
        var current = _entry >= 0 && _entry < entries.Count ? entries[_entry] : null;
        switch (_phase)
        {
            case Phase.Header when ++_entry < entries.Count:
                _part = new MemoryStream(Header(entries[_entry], modified), writable: false);
                _phase = Phase.Content;
                break;
            case Phase.Header:
                _part = new MemoryStream(new byte[2 * Block], writable: false);
                _phase = Phase.End;
                break;
            case Phase.Content:
                _part = current!.Content;
                _phase = Phase.Padding;
                break;
            case Phase.Padding:
                current!.Content.Dispose();
                _part = new MemoryStream(new byte[(Block - (int)(current.Length % Block)) % Block], writable: false);
                _phase = Phase.Header;
                break;
            default:
                _part = null;
                _phase = Phase.Done;
                break;
        }
    }

    /// <summary>
    /// The ustar header of <paramref name="entry"/> as the Hub's tar-stream writes it: numbers as
    /// octal digits closed by a space and a NUL (8-byte fields) or a space (12-byte fields); a name
    /// past 100 bytes is split at the first <c>/</c> that leaves at most 100 bytes of name, the rest
    /// being the prefix.
    /// </summary>
    internal static byte[] Header(TarEntry entry, DateTimeOffset modified)
    {
        var header = new byte[Block];
        var (prefix, name) = Split(entry.Name);
        Text(header, 0, 100, name);
        Short(header, 100, 0b110_100_100); // 0644
        Short(header, 108, 0);
        Short(header, 116, 0);
        Long(header, 124, entry.Length);
        Long(header, 136, Math.Max(0, modified.ToUnixTimeSeconds()));
        header[156] = (byte)'0';
        Text(header, 257, 6, "ustar");
        Text(header, 263, 2, "00");
        Short(header, 329, 0);
        Short(header, 337, 0);
        Text(header, 345, 155, prefix);
        // The checksum is taken with its own field as spaces, then written as the other 8-byte numbers are.
        header.AsSpan(148, 8).Fill((byte)' ');
        var sum = 0;
        foreach (var b in header) sum += b;
        Short(header, 148, sum);
        return header;
    }

    private static (string Prefix, string Name) Split(string path)
    {
        if (Encoding.UTF8.GetByteCount(path) <= 100) return ("", path);
        for (var slash = path.IndexOf('/'); slash > 0; slash = path.IndexOf('/', slash + 1))
        {
            if (Encoding.UTF8.GetByteCount(path.AsSpan(0, slash)) <= 155 && Encoding.UTF8.GetByteCount(path.AsSpan(slash + 1)) <= 100)
                return (path[..slash], path[(slash + 1)..]);
        }
        throw new InvalidOperationException($"The path '{path}' is too long for a ustar entry.");
    }

    private static void Text(byte[] header, int at, int size, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        bytes.AsSpan(0, Math.Min(bytes.Length, size)).CopyTo(header.AsSpan(at, size));
    }

    /// <summary>An 8-byte number field: six octal digits, a space, a NUL.</summary>
    private static void Short(byte[] header, int at, long value)
    {
        Text(header, at, 6, Convert.ToString(value, 8).PadLeft(6, '0'));
        header[at + 6] = (byte)' ';
        header[at + 7] = 0;
    }

    /// <summary>A 12-byte number field: eleven octal digits and a space.</summary>
    private static void Long(byte[] header, int at, long value)
    {
        Text(header, at, 11, Convert.ToString(value, 8).PadLeft(11, '0'));
        header[at + 11] = (byte)' ';
    }
}
