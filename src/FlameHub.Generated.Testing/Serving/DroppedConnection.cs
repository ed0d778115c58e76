using System.Net.Sockets;

namespace FlameHub.Testing.Serving;

/// <summary>What <see cref="HttpClient"/> throws when the Hub's connection drops: before the answer, or part-way through its body.</summary>
internal static class DroppedConnection
{
    public static HttpRequestException BeforeAnswer() =>
        new(HttpRequestError.Unknown, "An error occurred while sending the request.", Reset());

    public static IOException Reset() =>
        new("Unable to read data from the transport connection: Connection reset by peer.", new SocketException((int)SocketError.ConnectionReset));

    /// <summary><paramref name="response"/> with a body that gives its first <paramref name="afterBytes"/> bytes, then fails as a dropped connection does.</summary>
    public static HttpResponseMessage PartWay(HttpResponseMessage response, long afterBytes, Stream body)
    {
        var broken = new StreamContent(new BrokenStream(body, afterBytes));
        foreach (var header in response.Content.Headers) broken.Headers.TryAddWithoutValidation(header.Key, header.Value);
        response.Content = broken;
        return response;
    }

    /// <summary>Reads through to its inner stream until the limit, then throws; a shorter body throws where it would have ended.</summary>
    private sealed class BrokenStream(Stream inner, long afterBytes) : Stream
    {
        private long _left = afterBytes;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (buffer.Length == 0) return 0;
            var read = _left <= 0 ? 0 : inner.Read(buffer[..(int)Math.Min(buffer.Length, _left)]);
            return Counted(read);
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (buffer.Length == 0) return 0;
            var read = _left <= 0 ? 0 : await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, _left)], cancellationToken).ConfigureAwait(false);
            return Counted(read);
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
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }

        private int Counted(int read)
        {
            if (read == 0) throw Reset();
            _left -= read;
            return read;
        }
    }
}
