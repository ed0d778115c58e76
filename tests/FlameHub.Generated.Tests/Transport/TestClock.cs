using Microsoft.Extensions.Time.Testing;

namespace FlameHub.Generated.Tests.Transport;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells a test when the code under test starts waiting on
/// it: every timer made or set (a retry's delay, an attempt's or a call's limit, a read's idle
/// limit) is recorded with its due time, so a test can wait until the wait it expects exists, check
/// what happened before it, and move the clock on by exactly that much. Nothing waits on the wall clock.
/// </summary>
internal sealed class TestClock : FakeTimeProvider
{
    private readonly object _lock = new(); // System.Threading.Lock is .NET 9+; the tests also run on .NET 8
    private readonly List<TimeSpan> _waits = [];
    private readonly List<(int After, Func<TimeSpan, bool> Match, TaskCompletionSource<(int, TimeSpan)> Found)> _watchers = [];

    /// <summary>How far the test has moved the clock (it moves only by <see cref="FakeTimeProvider.Advance"/>).</summary>
    public TimeSpan Moved => GetUtcNow() - Start;

    /// <summary>How many timers were made or set so far: a mark for <see cref="WaitAsync"/>.</summary>
    public int Count
    {
        get
        {
            lock (_lock) return _waits.Count;
        }
    }

    /// <summary>The due times of every timer made or set, in order (infinite ones left out).</summary>
    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (_lock) return _waits.ToList();
        }
    }

    /// <summary>The first due time from the <paramref name="after"/>-th timer on that <paramref name="match"/> accepts, once it is set.</summary>
    public async Task<TimeSpan> WaitAsync(Func<TimeSpan, bool> match, int after = 0) => (await NextAsync(match, after)).Due;

    /// <summary>As <see cref="WaitAsync"/>, with the timer's place in <see cref="Waits"/>.</summary>
    public Task<(int Index, TimeSpan Due)> NextAsync(Func<TimeSpan, bool> match, int after = 0)
    {
        lock (_lock)
        {
            for (var i = after; i < _waits.Count; i++)
            {
                if (match(_waits[i])) return Task.FromResult((i, _waits[i]));
            }
            var found = new TaskCompletionSource<(int, TimeSpan)>(TaskCreationOptions.RunContinuationsAsynchronously);
            _watchers.Add((after, match, found));
            return found.Task;
        }
    }

    /// <summary>Waits (bounded) until a timer of exactly <paramref name="due"/> is set, from the <paramref name="after"/>-th on.</summary>
    public Task<TimeSpan> WaitForAsync(TimeSpan due, int after = 0) => Hub.Bounded(WaitAsync(d => d == due, after), 10);

    /// <summary>
    /// Moves the clock through every wait shorter than <paramref name="shorterThan"/> (a retry's
    /// delay, not the attempt's or the call's limit) until <paramref name="call"/> ends, by exactly
    /// each wait once it is set; returns them in order. Counts the waits since the clock was made.
    /// </summary>
    public async Task<List<TimeSpan>> AdvanceThroughWaitsAsync(Task call, TimeSpan shorterThan)
    {
        var waits = new List<TimeSpan>();
        var seen = 0;
        while (true)
        {
            var next = NextAsync(d => d > TimeSpan.Zero && d < shorterThan, seen);
            var first = await Hub.Bounded(Task.WhenAny(call, next), 10);
            if (first == call) return waits;
            var (index, wait) = await next;
            seen = index + 1;
            waits.Add(wait);
            Advance(wait);
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
        lock (_lock)
        {
            _waits.Add(due);
            for (var i = _watchers.Count - 1; i >= 0; i--)
            {
                var (after, match, found) = _watchers[i];
                if (_waits.Count - 1 >= after && match(due))
                {
                    _watchers.RemoveAt(i);
                    found.TrySetResult((_waits.Count - 1, due));
                }
            }
        }
    }

    /// <summary>A timer of the fake whose re-arming (a cancellation source's CancelAfter) is recorded too.</summary>
    private sealed class Watched(TestClock clock, ITimer inner) : ITimer
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
