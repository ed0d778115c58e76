using System.Diagnostics;

namespace FlameHub.Generated.Tests.Streaming;

/// <summary>
/// An <see cref="IProgress{T}"/> that keeps every value reported and when it came (thread-safe),
/// and can fail on purpose once a value reaches <see cref="ThrowFrom"/>.
/// </summary>
public sealed class ProgressRecorder : IProgress<long>
{
    private readonly List<(long Value, long Timestamp)> _reports = [];

    /// <summary>Report throws <see cref="ProgressFailure"/> for any value at or above this one.</summary>
    public long ThrowFrom { get; init; } = long.MaxValue;

    /// <summary>The values reported, in order.</summary>
    public IReadOnlyList<long> Values
    {
        get
        {
            lock (_reports) return _reports.Select(r => r.Value).ToList();
        }
    }

    /// <summary>The time between each report and the next, in order.</summary>
    public IReadOnlyList<TimeSpan> Gaps
    {
        get
        {
            lock (_reports) return _reports.Zip(_reports.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a.Timestamp, b.Timestamp)).ToList();
        }
    }

    public void Report(long value)
    {
        lock (_reports) _reports.Add((value, Stopwatch.GetTimestamp()));
        if (value >= ThrowFrom) throw new ProgressFailure(value);
    }
}

/// <summary>What <see cref="ProgressRecorder"/> throws on purpose.</summary>
public sealed class ProgressFailure(long value) : Exception($"The progress handler failed at {value} bytes.");

/// <summary>Holds a transfer back to <paramref name="bytesPerSecond"/> by sleeping the thread that moves it.</summary>
public sealed class Pacer(long bytesPerSecond)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Sleeps until <paramref name="bytesSoFar"/> is not ahead of the pace.</summary>
    public void Wait(long bytesSoFar)
    {
        var due = TimeSpan.FromSeconds((double)bytesSoFar / bytesPerSecond) - _clock.Elapsed;
        if (due > TimeSpan.Zero) Thread.Sleep(due);
    }
}
