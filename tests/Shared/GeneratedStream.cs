namespace FlameHub.Testing;

/// <summary>
/// A read-only stream of <c>length</c> bytes made up while read (byte i is <c>i % 251</c>) by
/// copying from one fixed block, so a 1 GiB transfer needs no memory and little CPU.
/// Optionally seekable; every read calls <c>onRead</c>.
/// </summary>
public sealed class GeneratedStream(long length, bool seekable = false, Action? onRead = null) : Stream
{
    /// <summary>The repeating block: a whole number of 251-byte cycles, so any offset into it continues the pattern.</summary>
    public static readonly byte[] Block = Enumerable.Range(0, 251 * 261).Select(i => ByteAt(i)).ToArray();

    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => seekable;
    public override bool CanWrite => false;
    public override long Length => seekable ? length : throw new NotSupportedException();

    public override long Position
    {
        get => seekable ? _position : throw new NotSupportedException();
        set => _position = seekable ? value : throw new NotSupportedException();
    }

    /// <summary>The byte at <paramref name="index"/> of every generated stream.</summary>
    public static byte ByteAt(long index) => (byte)(index % 251);

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        onRead?.Invoke();
        var count = (int)Math.Min(buffer.Length, length - _position);
        for (var done = 0; done < count;)
        {
            var start = (int)((_position + done) % Block.Length);
            var n = Math.Min(count - done, Block.Length - start);
            Block.AsSpan(start, n).CopyTo(buffer[done..]);
            done += n;
        }
        _position += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
