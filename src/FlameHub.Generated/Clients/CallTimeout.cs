namespace FlameHub;

/// <summary>
/// The limit of one client call, answer included: the handlers' timeouts end when the headers
/// arrive, and a body that trickles in must not outlast the caller's patience. Its timer and its
/// clock checks run on the client's <see cref="HubClientOptions.TimeProvider"/>.
/// </summary>
internal readonly struct CallTimeout : IDisposable
{
    private readonly TimeoutSources? _sources;
    private readonly CancellationTokenSource? _source;
    private readonly CancellationTokenRegistration _caller;
    private readonly bool _reuse;
    private readonly TimeSpan _limit;
    private readonly long _started;

    private CallTimeout(TimeoutSources? sources, CancellationTokenSource? source, CancellationTokenRegistration caller, bool reuse, CancellationToken token, TimeSpan limit, long started)
    {
        _sources = sources;
        _source = source;
        _caller = caller;
        _reuse = reuse;
        Token = token;
        _limit = limit;
        _started = started;
    }

    public CancellationToken Token { get; }

    /// <summary>No limit: only the caller's cancellation.</summary>
    public static CallTimeout None(CancellationToken cancellationToken) =>
        new(null, null, default, false, cancellationToken, Timeout.InfiniteTimeSpan, 0);

    /// <summary>
    /// Starts the limit of a call on <paramref name="sources"/>' clock. Its source is the caller's
    /// cancellation too, through a registration rather than a linked source, so the source can be
    /// reused; <paramref name="reuse"/> false when something may still watch the token after the
    /// call (a download's stream).
    /// </summary>
    public static CallTimeout Start(TimeSpan limit, TimeoutSources sources, CancellationToken cancellationToken, bool reuse = true)
    {
        if (limit == Timeout.InfiniteTimeSpan) return None(cancellationToken);
        var started = sources.Clock.GetTimestamp();
        var source = sources.Rent(limit);
        var caller = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), source)
            : default;
        return new CallTimeout(sources, source, caller, reuse, source.Token, limit, started);
    }

    /// <summary>
    /// Throws when the call is cancelled or past its limit. The limit is checked against the clock
    /// too: on a busy thread pool the timer can fire late, while work that never waits (reading a
    /// body that is all there, deserializing) would run on past it.
    /// </summary>
    public void ThrowIfCancellationRequested()
    {
        if (_source is { IsCancellationRequested: false } source && _sources!.Clock.GetElapsedTime(_started) >= _limit) source.Cancel();
        Token.ThrowIfCancellationRequested();
    }

    /// <summary>Whether the cancellation came from this limit rather than from the caller.</summary>
    public bool HasExpired(CancellationToken callerToken) =>
        _source is { IsCancellationRequested: true } && !callerToken.IsCancellationRequested;

    public HttpRequestException Expired(HttpRequestMessage request, Exception inner) => new(
        $"{request.Method} {request.RequestUri} did not complete within {_limit.TotalSeconds:0.###} s.",
        new TimeoutException("The client's Timeout elapsed.", inner));

    public void Dispose()
    {
        if (_source is null) return;
        // First the caller's registration, so a later cancellation by the caller cannot reach the source's next call.
        _caller.Dispose();
        if (_reuse) _sources!.Return(_source);
        else _source.Dispose();
    }
}
