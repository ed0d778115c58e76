using System.Net;

namespace FlameHub.Testing;

/// <summary>
/// Failures on demand: the next calls to the fake that match a method and path prefix answer a
/// given status instead of being served, so that code can be tested against a Hub that is
/// overloaded (503), rate limiting (429 with <c>Retry-After</c>) or failing otherwise.
/// </summary>
public sealed class FakeHubFaults
{
    private readonly object _gate = new();
    private readonly List<Fault> _faults = [];

    internal FakeHubFaults()
    {
    }

    /// <summary>
    /// Makes the next <paramref name="count"/> requests whose method is <paramref name="method"/>
    /// and whose URL path starts with <paramref name="pathPrefix"/> (for example <c>/core/nodes</c>)
    /// answer <paramref name="status"/> with an empty JSON body.
    /// </summary>
    /// <param name="method">The HTTP method to match; null matches every method.</param>
    /// <param name="pathPrefix">The start of the URL path to match, as in <see cref="FakeHub.CoreUrl"/>'s path.</param>
    /// <param name="status">The status to answer.</param>
    /// <param name="count">How many matching requests fail; at least 1.</param>
    /// <param name="retryAfter">Sent as <c>Retry-After</c> in whole seconds when not null.</param>
    public void FailNext(HttpMethod? method, string pathPrefix, HttpStatusCode status, int count = 1, TimeSpan? retryAfter = null)
    {
        ArgumentNullException.ThrowIfNull(pathPrefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (_gate) _faults.Add(new Fault(method, pathPrefix, status, retryAfter) { Remaining = count });
    }

    /// <summary>How many injected failures have not been answered yet.</summary>
    public int Pending
    {
        get
        {
            lock (_gate) return _faults.Sum(f => f.Remaining);
        }
    }

    /// <summary>How many requests were answered with an injected failure.</summary>
    public int Answered { get; private set; }

    internal HttpResponseMessage? Take(HttpRequestMessage request)
    {
        lock (_gate)
        {
            var path = request.RequestUri?.AbsolutePath ?? "";
            var fault = _faults.FirstOrDefault(f => (f.Method is null || f.Method == request.Method) && path.StartsWith(f.PathPrefix, StringComparison.Ordinal));
            if (fault is null) return null;
            if (--fault.Remaining == 0) _faults.Remove(fault);
            Answered++;
            var response = new HttpResponseMessage(fault.Status) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
            if (fault.RetryAfter is { } delay) response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(Math.Ceiling(delay.TotalSeconds)));
            return response;
        }
    }

    private sealed record Fault(HttpMethod? Method, string PathPrefix, HttpStatusCode Status, TimeSpan? RetryAfter)
    {
        public int Remaining { get; set; }
    }
}
