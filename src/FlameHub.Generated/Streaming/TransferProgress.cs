using System.Buffers;

namespace FlameHub;

/// <summary>
/// Counts the bytes of one transfer and reports the count to a caller's <see cref="IProgress{T}"/>
/// at a bounded rate: at most once per <see cref="Interval"/> while bytes flow (the first report
/// one interval after the transfer was set up), and once more with the total when the transfer
/// completes. Reported values strictly increase. The cost per buffer is an addition and a clock read.
/// </summary>
/// <remarks>
/// Reports are made synchronously, on the thread moving the bytes, so an exception thrown by
/// <see cref="IProgress{T}.Report"/> ends the transfer and reaches the caller. Not thread-safe: one
/// transfer moves its buffers one after another.
/// </remarks>
internal sealed class TransferProgress
{
    /// <summary>The shortest time between two reports, the final one excepted.</summary>
    internal static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly IProgress<long> _progress;
    private readonly TimeProvider _clock;
    private readonly long _interval;
    private readonly long _total;
    private long _next;
    private long _bytes;
    private long _reported = -1;

    /// <param name="progress">Receives the byte counts.</param>
    /// <param name="clock">The clock of the rate limit.</param>
    /// <param name="total">The transfer's length if known in advance (reaching it completes the transfer); -1 otherwise.</param>
    internal TransferProgress(IProgress<long> progress, TimeProvider clock, long total = -1)
    {
        _progress = progress;
        _clock = clock;
        _interval = (long)(Interval.TotalSeconds * clock.TimestampFrequency);
        _total = total;
        _next = clock.GetTimestamp() + _interval;
    }

    /// <summary>A counter reporting to <paramref name="progress"/>, or null when there is nothing to report to.</summary>
    public static TransferProgress? For(IProgress<long>? progress, TimeProvider? clock = null, long total = -1) =>
        progress is null ? null : new TransferProgress(progress, clock ?? TimeProvider.System, total);

    /// <summary>The bytes counted so far.</summary>
    public long Bytes => _bytes;

    /// <summary>
    /// The body is sent (again) from its start: the count starts over, and reports resume once it
    /// passes the last value reported, so a re-sent body never shows as progress going back.
    /// </summary>
    public void Restart() => _bytes = 0;

    /// <summary>Counts <paramref name="count"/> more bytes, reporting if the interval has passed; reaching the known total completes.</summary>
    public void Add(int count)
    {
        _bytes += count;
        if (_bytes == _total)
        {
            Complete();
            return;
        }
        if (_bytes <= _reported) return;
        var now = _clock.GetTimestamp();
        if (now < _next) return;
        _next = now + _interval;
        Report();
    }

    /// <summary>The transfer has ended: reports the total unless it is the last value reported (an empty transfer reports 0).</summary>
    public void Complete()
    {
        if (_bytes > _reported) Report();
    }

    /// <summary>
    /// Copies <paramref name="source"/> to <paramref name="destination"/> through one pooled buffer,
    /// counting each block once written. As <see cref="Stream.CopyToAsync(Stream, int, CancellationToken)"/>,
    /// it uses the whole rented buffer (the pool rounds the size up), so blocks are as large as without counting.
    /// </summary>
    public async Task CopyAsync(Stream source, Stream destination, int bufferSize, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                Add(read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>As <see cref="CopyAsync"/>, synchronously.</summary>
    public void Copy(Stream source, Stream destination, int bufferSize)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
        try
        {
            int read;
            while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
            {
                destination.Write(buffer, 0, read);
                Add(read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Report()
    {
        _reported = _bytes;
        _progress.Report(_bytes);
    }
}
