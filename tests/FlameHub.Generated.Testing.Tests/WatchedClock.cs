using Microsoft.Extensions.Time.Testing;

namespace FlameHub.Generated.Testing.Tests;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells a test when something starts waiting on it for a
/// given time (a timer made or set with that due time), so the test moves the clock only once the
/// wait it means to end exists. Nothing waits on the wall clock.
/// </summary>
internal sealed class WatchedClock : FakeTimeProvider
{
    private readonly object _gate = new();
    private readonly List<TimeSpan> _waits = [];
    private readonly List<(TimeSpan Due, TaskCompletionSource Found)> _watchers = [];

    /// <summary>Completes once a timer due after <paramref name="due"/> is made or set (at once if one was).</summary>
    public Task WaitingAsync(TimeSpan due)
    {
        lock (_gate)
        {
            if (_waits.Contains(due)) return Task.CompletedTask;
            var found = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _watchers.Add((due, found));
            return found.Task;
        }
    }

    /// <summary>The due times of every timer made or set so far, in order.</summary>
    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (_gate) return _waits.ToList();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        Record(dueTime);
        return new Watched(this, timer);
    }

    private void Record(TimeSpan due)
    {
        if (due == Timeout.InfiniteTimeSpan) return;
        lock (_gate)
        {
            _waits.Add(due);
            foreach (var watcher in _watchers.Where(w => w.Due == due).ToList())
            {
                _watchers.Remove(watcher);
                watcher.Found.TrySetResult();
            }
        }
    }

    /// <summary>A timer whose re-arming (a cancellation source's CancelAfter) is recorded too.</summary>
    private sealed class Watched(WatchedClock clock, ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            clock.Record(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
