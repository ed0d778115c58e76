using System.Buffers;
using System.Text;

namespace FlameHub;

/// <summary>
/// An answer's bytes held in memory in chunks: a growing body is never copied into a bigger array,
/// so holding <c>n</c> bytes costs about <c>n</c> bytes. Chunks stay below the large object heap's
/// threshold; small answers get one small chunk. The chunks are rented from the shared array pool
/// and given back on <see cref="Dispose"/>, so a call's answer costs no new arrays.
/// </summary>
internal sealed class BodyBuffer : IDisposable
{
    private const int SmallChunk = 4 * 1024;
    private const int LargeChunk = 64 * 1024;
    private readonly List<byte[]> _chunks = [];
    private int _usedInLast;

    /// <param name="expectedLength">The declared length, if any: the first chunk is sized to it.</param>
    public BodyBuffer(long? expectedLength = null)
    {
        _firstChunk = expectedLength is > 0 and < LargeChunk ? (int)expectedLength.Value : SmallChunk;
    }

    private readonly int _firstChunk;

    public long Length { get; private set; }

    /// <summary>Free space to read into, at most <paramref name="max"/> bytes; call <see cref="Advance"/> with what was read.</summary>
    public Memory<byte> GetMemory(long max)
    {
        if (_chunks.Count == 0 || _usedInLast == _chunks[^1].Length)
        {
            var size = _chunks.Count == 0 ? _firstChunk : Math.Min(LargeChunk, _chunks[^1].Length * 2);
            _chunks.Add(ArrayPool<byte>.Shared.Rent(Math.Max(size, 1)));
            _usedInLast = 0;
        }
        var last = _chunks[^1];
        return last.AsMemory(_usedInLast, (int)Math.Min(last.Length - _usedInLast, Math.Max(max, 1)));
    }

    public void Advance(int count)
    {
        _usedInLast += count;
        Length += count;
    }

    /// <summary>Reads the bytes from the start.</summary>
    public Stream OpenRead() => new Reader(this);

    /// <summary>The first <paramref name="maxBytes"/> bytes as UTF-8 text (a character cut at the end is replaced).</summary>
    public string Text(int maxBytes)
    {
        var bytes = new byte[(int)Math.Min(Length, maxBytes)];
        using var stream = OpenRead();
        stream.ReadExactly(bytes);
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Gives the chunks back to the pool; the buffer is empty afterwards.</summary>
    public void Dispose()
    {
        foreach (var chunk in _chunks) ArrayPool<byte>.Shared.Return(chunk);
        _chunks.Clear();
        _usedInLast = 0;
        Length = 0;
    }

    private int UsedIn(int chunk) => chunk == _chunks.Count - 1 ? _usedInLast : _chunks[chunk].Length;

    private sealed class Reader(BodyBuffer buffer) : Stream
    {
        private int _chunk;
        private int _offset;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => buffer.Length;

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] target, int offset, int count) => Read(target.AsSpan(offset, count));

        public override int Read(Span<byte> target)
        {
            while (_chunk < buffer._chunks.Count)
            {
                var available = buffer.UsedIn(_chunk) - _offset;
                if (available > 0)
                {
                    var count = Math.Min(available, target.Length);
                    buffer._chunks[_chunk].AsSpan(_offset, count).CopyTo(target);
                    _offset += count;
                    return count;
                }
                _chunk++;
                _offset = 0;
            }
            return 0;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
