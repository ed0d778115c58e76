using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using FlameHub.Testing.Model;
using FlameHub.Testing.Serving;

namespace FlameHub.Testing;

/// <summary>
/// Failures on demand: the next calls to the fake that match a method and path prefix fail as
/// asked instead of being served as usual, so that code can be tested against a Hub that is
/// overloaded (503), rate limiting (429), dropping connections or slow. Each method adds one
/// fault for the next <c>count</c> matching requests; a request that several faults match is failed
/// by the one added first. Faults can be added and used from parallel tests and requests.
/// </summary>
/// <example>
/// <code>
/// hub.Faults.FailNext(HttpMethod.Get, "/core/nodes", HttpStatusCode.ServiceUnavailable);
/// hub.Faults.RateLimitNext(null, "/storage/", reset: TimeSpan.FromSeconds(2));
/// hub.Faults.ResetNext(HttpMethod.Get, "/storage/bucket-files/", afterBytes: 1024);
/// hub.Faults.DelayNext(HttpMethod.Get, "/core/projects", TimeSpan.FromMinutes(5));
/// </code>
/// </example>
public sealed class FakeHubFaults
{
    private readonly object _gate = new();
    private readonly List<Fault> _faults = [];
    private readonly TimeProvider _clock;
    private readonly RateLimitQuirks _rateLimit;
    private int _answered;

    internal FakeHubFaults(TimeProvider clock, RateLimitQuirks rateLimit)
    {
        _clock = clock;
        _rateLimit = rateLimit;
    }

    /// <summary>
    /// Makes the next <paramref name="count"/> requests whose method is <paramref name="method"/>
    /// and whose URL path starts with <paramref name="pathPrefix"/> (for example <c>/core/nodes</c>)
    /// answer <paramref name="status"/> with an empty JSON body.
    /// </summary>
    /// <param name="method">The HTTP method to match; null matches every method.</param>
    /// <param name="pathPrefix">The start of the URL path to match, from its first <c>/</c>, as in <see cref="FakeHub.CoreUrl"/>'s path (<c>/core/nodes</c>); <c>/</c> matches every path.</param>
    /// <param name="status">The status to answer.</param>
    /// <param name="count">How many matching requests fail; at least 1.</param>
    /// <param name="retryAfter">Sent as <c>Retry-After</c> in whole seconds (rounded up) when not null; not negative.</param>
    /// <exception cref="ArgumentException"><paramref name="pathPrefix"/> does not start with <c>/</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1, or <paramref name="retryAfter"/> is negative.</exception>
    public void FailNext(HttpMethod? method, string pathPrefix, HttpStatusCode status, int count = 1, TimeSpan? retryAfter = null)
    {
        if (retryAfter is { } after) ArgumentOutOfRangeException.ThrowIfLessThan(after, TimeSpan.Zero, nameof(retryAfter));
        Add(new Fault(FaultKind.Status, method, pathPrefix, count) { Status = status, Time = retryAfter });
    }

    /// <summary>
    /// Makes the next <paramref name="count"/> matching requests answer 429 as the release's rate
    /// limiter does: its limit, remaining (0) and reset headers (<c>RateLimit-Limit</c>,
    /// <c>RateLimit-Remaining</c>, <c>RateLimit-Reset</c>), <c>Retry-After</c>, and the service's 429 body.
    /// </summary>
    /// <param name="method">The HTTP method to match; null matches every method.</param>
    /// <param name="pathPrefix">The start of the URL path to match, from its first <c>/</c>.</param>
    /// <param name="reset">When the limit's window resets, sent in whole seconds (rounded up); not negative.</param>
    /// <param name="count">How many matching requests fail; at least 1.</param>
    /// <exception cref="ArgumentException"><paramref name="pathPrefix"/> does not start with <c>/</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1, or <paramref name="reset"/> is negative.</exception>
    public void RateLimitNext(HttpMethod? method, string pathPrefix, TimeSpan reset, int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(reset, TimeSpan.Zero);
        Add(new Fault(FaultKind.RateLimit, method, pathPrefix, count) { Time = reset });
    }

    /// <summary>
    /// Makes the next <paramref name="count"/> matching requests fail as a dropped connection
    /// does: unserved and without an answer, the <see cref="HttpRequestException"/> (its inner
    /// exception an <see cref="IOException"/> over a <see cref="System.Net.Sockets.SocketException"/>)
    /// that <see cref="HttpClient"/> throws; or, with <paramref name="afterBytes"/>, served as usual
    /// with an answer whose body fails with that <see cref="IOException"/> after its first
    /// <paramref name="afterBytes"/> bytes (where it ends, if it is shorter; with 0 the request took
    /// effect but its caller cannot read the answer).
    /// </summary>
    /// <param name="method">The HTTP method to match; null matches every method.</param>
    /// <param name="pathPrefix">The start of the URL path to match, from its first <c>/</c>.</param>
    /// <param name="count">How many matching requests fail; at least 1.</param>
    /// <param name="afterBytes">The bytes of the body read before it fails; null to fail before any answer.</param>
    /// <exception cref="ArgumentException"><paramref name="pathPrefix"/> does not start with <c>/</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1, or <paramref name="afterBytes"/> is negative.</exception>
    public void ResetNext(HttpMethod? method, string pathPrefix, int count = 1, long? afterBytes = null)
    {
        if (afterBytes is { } bytes) ArgumentOutOfRangeException.ThrowIfNegative(bytes, nameof(afterBytes));
        Add(new Fault(FaultKind.Reset, method, pathPrefix, count) { AfterBytes = afterBytes });
    }

    /// <summary>
    /// Makes the next <paramref name="count"/> matching requests wait <paramref name="delay"/> on
    /// the fake's clock (the <see cref="TimeProvider"/> given to <see cref="FakeHub"/>) before they
    /// are served as usual. Cancelling the request ends the wait with an <see cref="OperationCanceledException"/>.
    /// </summary>
    /// <param name="method">The HTTP method to match; null matches every method.</param>
    /// <param name="pathPrefix">The start of the URL path to match, from its first <c>/</c>.</param>
    /// <param name="delay">How long each matching request waits; <see cref="Timeout.InfiniteTimeSpan"/> until it is cancelled.</param>
    /// <param name="count">How many matching requests wait; at least 1.</param>
    /// <exception cref="ArgumentException"><paramref name="pathPrefix"/> does not start with <c>/</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1, or <paramref name="delay"/> is negative (other than <see cref="Timeout.InfiniteTimeSpan"/>).</exception>
    public void DelayNext(HttpMethod? method, string pathPrefix, TimeSpan delay, int count = 1)
    {
        if (delay != Timeout.InfiniteTimeSpan) ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        Add(new Fault(FaultKind.Delay, method, pathPrefix, count) { Time = delay });
    }

    /// <summary>How many more requests the injected faults will fail: the counts still left of every fault added and not used up.</summary>
    public int Pending
    {
        get
        {
            lock (_gate) return _faults.Sum(f => f.Remaining);
        }
    }

    /// <summary>How many requests an injected fault was used on so far (failed, dropped, rate limited or delayed).</summary>
    public int Answered => Volatile.Read(ref _answered);

    /// <summary>Serves <paramref name="request"/> through the fault it matches, if any; <paramref name="serve"/> answers it as usual.</summary>
    internal async Task<HttpResponseMessage> ServeAsync(HttpRequestMessage request, string? service, Func<HttpResponseMessage> serve, CancellationToken cancellationToken)
    {
        if (Take(request) is not { } fault) return serve();
        if (fault.Kind == FaultKind.Delay) await Task.Delay(fault.Time!.Value, _clock, cancellationToken).ConfigureAwait(false);
        if (fault.Kind == FaultKind.Reset && fault.AfterBytes is { } after)
        {
            var response = serve();
            return DroppedConnection.PartWay(response, after, await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false));
        }
        return Respond(fault, service, serve);
    }

    /// <summary>As <see cref="ServeAsync"/>, for <see cref="HttpClient"/>'s synchronous <c>Send</c>.</summary>
    internal HttpResponseMessage Serve(HttpRequestMessage request, string? service, Func<HttpResponseMessage> serve, CancellationToken cancellationToken)
    {
        if (Take(request) is not { } fault) return serve();
        if (fault.Kind == FaultKind.Delay) Wait(fault.Time!.Value, cancellationToken);
        if (fault.Kind == FaultKind.Reset && fault.AfterBytes is { } after)
        {
            var response = serve();
            return DroppedConnection.PartWay(response, after, response.Content.ReadAsStream(cancellationToken));
        }
        return Respond(fault, service, serve);
    }

    private HttpResponseMessage Respond(Fault fault, string? service, Func<HttpResponseMessage> serve)
    {
        switch (fault.Kind)
        {
            case FaultKind.Reset:
                throw DroppedConnection.BeforeAnswer();
            case FaultKind.Delay:
                return serve();
            case FaultKind.RateLimit:
                return RateLimited(fault.Time!.Value, service);
            default:
                var response = Serving.Answer.Json((int)fault.Status, new JsonObject());
                if (fault.Time is { } delay) response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(Math.Ceiling(delay.TotalSeconds)));
                return response;
        }
    }

    private HttpResponseMessage RateLimited(TimeSpan reset, string? service)
    {
        var seconds = ((long)Math.Ceiling(reset.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var response = Serving.Answer.Json(429, _rateLimit.Body(service));
        if (_rateLimit.Limit(service) is { } limit) response.Headers.TryAddWithoutValidation(_rateLimit.LimitHeader, limit.ToString(CultureInfo.InvariantCulture));
        response.Headers.TryAddWithoutValidation(_rateLimit.RemainingHeader, "0");
        response.Headers.TryAddWithoutValidation(_rateLimit.ResetHeader, seconds);
        if (_rateLimit.RetryAfter) response.Headers.TryAddWithoutValidation("Retry-After", seconds);
        return response;
    }

    /// <summary>A synchronous wait on the fake's clock that cancellation ends.</summary>
    private void Wait(TimeSpan delay, CancellationToken cancellationToken)
    {
        using var done = new ManualResetEventSlim();
        using var timer = _clock.CreateTimer(static state => ((ManualResetEventSlim)state!).Set(), done, delay, Timeout.InfiniteTimeSpan);
        done.Wait(cancellationToken);
    }

    private void Add(Fault fault)
    {
        ArgumentNullException.ThrowIfNull(fault.PathPrefix, "pathPrefix");
        // A request's AbsolutePath always starts with '/': a prefix without it would never match.
        if (!fault.PathPrefix.StartsWith('/')) throw new ArgumentException($"A path prefix starts with '/', as in \"/core/nodes\"; \"{fault.PathPrefix}\" would match no request.", "pathPrefix");
        ArgumentOutOfRangeException.ThrowIfLessThan(fault.Remaining, 1, "count");
        lock (_gate) _faults.Add(fault);
    }

    private Fault? Take(HttpRequestMessage request)
    {
        lock (_gate)
        {
            var path = request.RequestUri?.AbsolutePath ?? "";
            var fault = _faults.FirstOrDefault(f => (f.Method is null || f.Method == request.Method) && path.StartsWith(f.PathPrefix, StringComparison.Ordinal));
            if (fault is null) return null;
            if (--fault.Remaining == 0) _faults.Remove(fault);
            Interlocked.Increment(ref _answered);
            return fault;
        }
    }

    private enum FaultKind { Status, RateLimit, Reset, Delay }

    private sealed record Fault(FaultKind Kind, HttpMethod? Method, string PathPrefix, int Remaining)
    {
        public int Remaining { get; set; } = Remaining;

        public HttpStatusCode Status { get; init; }

        /// <summary>Retry-After of a status, reset of a rate limit, or the wait of a delay.</summary>
        public TimeSpan? Time { get; init; }

        public long? AfterBytes { get; init; }
    }
}
