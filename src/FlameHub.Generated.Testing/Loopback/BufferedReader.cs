using System.Globalization;
using System.Text;

namespace FlameHub.Testing.Loopback;

/// <summary>Reads CRLF lines, exact byte counts and chunked bodies from a connection's stream.</summary>
internal sealed class BufferedReader(Stream stream)
{
    private const int MaxBodyBytes = 256 * 1024 * 1024;

    private readonly byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    /// <summary>The next line without its CRLF; null at the end of the stream.</summary>
    public async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new List<byte>();
        while (true)
        {
            if (_start == _end && !await FillAsync(cancellationToken).ConfigureAwait(false)) return line.Count == 0 ? null : Encoding.Latin1.GetString(line.ToArray());
            var b = _buffer[_start++];
            if (b == '\n')
            {
                if (line.Count > 0 && line[^1] == '\r') line.RemoveAt(line.Count - 1);
                return Encoding.Latin1.GetString(line.ToArray());
            }
            line.Add(b);
            if (line.Count > 64 * 1024) throw new FormatException("A line is too long.");
        }
    }

    public async Task<byte[]> ReadExactlyAsync(long count, CancellationToken cancellationToken)
    {
        if (count is < 0 or > MaxBodyBytes) throw new FormatException("The body's length is out of range.");
        var body = new byte[count];
        var at = 0;
        while (at < count)
        {
            if (_start == _end && !await FillAsync(cancellationToken).ConfigureAwait(false)) throw new IOException("The body ended early.");
            var n = (int)Math.Min(count - at, _end - _start);
            Array.Copy(_buffer, _start, body, at, n);
            _start += n;
            at += n;
        }
        return body;
    }

    public async Task<byte[]> ReadChunkedAsync(CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        while (true)
        {
            var size = await ReadLineAsync(cancellationToken).ConfigureAwait(false) ?? throw new IOException("The body ended early.");
            var length = long.Parse(size.Split(';')[0].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (length == 0) break;
            if (body.Length + length > MaxBodyBytes) throw new FormatException("The body is too long.");
            await body.WriteAsync(await ReadExactlyAsync(length, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            await ReadLineAsync(cancellationToken).ConfigureAwait(false);
        }
        while (await ReadLineAsync(cancellationToken).ConfigureAwait(false) is { Length: > 0 })
        {
            // Trailers are not used.
        }
        return body.ToArray();
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        _start = 0;
        _end = await stream.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
        return _end > 0;
    }
}
