namespace FlameHub;

/// <summary>
/// Cancellation sources whose timers run on one clock, for the call limits of one client. On the
/// system clock sources are reused (reset after a call that did not time out), so a call costs no
/// new source and timer; a source on another clock (a test's fake) cannot be reset and is made anew.
/// </summary>
internal sealed class TimeoutSources
{
    private readonly CancellationTokenSource?[] _free;

    public TimeoutSources(TimeProvider clock)
    {
        Clock = clock ?? throw new ArgumentNullException(nameof(clock));
        // A few cover the calls one client has in flight at a time; a burst beyond them makes new ones.
        _free = new CancellationTokenSource?[clock == TimeProvider.System ? 4 : 0];
    }

    /// <summary>The clock the sources' timers and the call limits' checks run on.</summary>
    public TimeProvider Clock { get; }

    /// <summary>A source that cancels after <paramref name="delay"/> on <see cref="Clock"/>.</summary>
    public CancellationTokenSource Rent(TimeSpan delay)
    {
        var free = _free;
        for (var i = 0; i < free.Length; i++)
        {
            if (Volatile.Read(ref free[i]) is null) continue;
            if (Interlocked.Exchange(ref free[i], null) is { } source)
            {
                source.CancelAfter(delay);
                return source;
            }
        }
        return new CancellationTokenSource(delay, Clock);
    }

    /// <summary>Takes back a source nothing uses any more: kept if it can be reset, else disposed.</summary>
    public void Return(CancellationTokenSource source)
    {
        var free = _free;
        if (free.Length > 0 && source.TryReset())
        {
            for (var i = 0; i < free.Length; i++)
            {
                if (Interlocked.CompareExchange(ref free[i], source, null) is null) return;
            }
        }
        source.Dispose();
    }
}
