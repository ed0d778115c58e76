using System.Diagnostics;

namespace FlameHub;

/// <summary>
/// The limit of one client call, answer included: the handlers' timeouts end when the headers
/// arrive, and a body that trickles in must not outlast the caller's patience.
/// </summary>
internal readonly struct CallTimeout : IDisposable
{
    private readonly CancellationTokenSource? _source;
    private readonly TimeSpan _limit;
    private readonly long _started;

    private CallTimeout(CancellationTokenSource? source, CancellationToken token, TimeSpan limit)
    {
        _source = source;
        Token = token;
        _limit = limit;
        _started = Stopwatch.GetTimestamp();
    }

    public CancellationToken Token { get; }

    public static CallTimeout Start(TimeSpan limit, CancellationToken cancellationToken)
    {
        if (limit == Timeout.InfiniteTimeSpan) return new CallTimeout(null, cancellationToken, limit);
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(limit);
        return new CallTimeout(source, source.Token, limit);
    }

    /// <summary>
    /// Throws when the call is cancelled or past its limit. The limit is checked against the clock
    /// too: on a busy thread pool the timer can fire late, while work that never waits (reading a
    /// body that is all there, deserializing) would run on past it.
    /// </summary>
    public void ThrowIfCancellationRequested()
    {
        if (_source is { IsCancellationRequested: false } source && Stopwatch.GetElapsedTime(_started) >= _limit) source.Cancel();
        Token.ThrowIfCancellationRequested();
    }

    /// <summary>Whether the cancellation came from this limit rather than from the caller.</summary>
    public bool HasExpired(CancellationToken callerToken) =>
        _source is { IsCancellationRequested: true } && !callerToken.IsCancellationRequested;

    public HttpRequestException Expired(HttpRequestMessage request, Exception inner) => new(
        $"{request.Method} {request.RequestUri} did not complete within {_limit.TotalSeconds:0.###} s.",
        new TimeoutException("The client's Timeout elapsed.", inner));

    public void Dispose() => _source?.Dispose();
}
