namespace FlameHub.Testing;

/// <summary>
/// Samples <see cref="GC.GetTotalMemory(bool)"/> on a background thread (every
/// <c>intervalMilliseconds</c>) from a collected baseline, and keeps the peak growth over it.
/// </summary>
public sealed class MemorySampler : IDisposable
{
    private readonly long _baseline;
    private readonly Thread _thread;
    private volatile bool _stopped;
    private long _peak;

    public MemorySampler(int intervalMilliseconds = 5)
    {
        _baseline = GC.GetTotalMemory(forceFullCollection: true);
        _peak = _baseline;
        _thread = new Thread(() =>
        {
            while (!_stopped)
            {
                Sample();
                Thread.Sleep(intervalMilliseconds);
            }
        }) { IsBackground = true, Name = "memory sampler" };
        _thread.Start();
    }

    /// <summary>The highest managed heap size seen, less the baseline, in bytes.</summary>
    public long PeakGrowth => Math.Max(0, Interlocked.Read(ref _peak) - _baseline);

    /// <summary>Takes one sample now (also callable from the transfer's own reads and writes).</summary>
    public void Sample()
    {
        var now = GC.GetTotalMemory(forceFullCollection: false);
        long peak;
        while (now > (peak = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, peak) != peak)
        {
        }
    }

    public void Dispose()
    {
        if (_stopped) return;
        _stopped = true;
        _thread.Join();
        Sample();
    }
}
