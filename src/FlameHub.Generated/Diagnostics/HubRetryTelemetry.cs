using System.Diagnostics;
using System.Net;
using Polly;

namespace FlameHub;

/// <summary>
/// What a retry leaves in the telemetry: a <c>retry</c> event on the operation's span, one in
/// <c>flamehub.client.retries</c>, and after a 429 one in <c>flamehub.client.rate_limit.waits</c> with its
/// wait in <c>flamehub.client.rate_limit.wait.duration</c>.
/// </summary>
internal static class HubRetryTelemetry
{
    /// <summary>Records that <paramref name="request"/> is sent again after <paramref name="delay"/>.</summary>
    /// <param name="request">The request, if known.</param>
    /// <param name="outcome">What the failed attempt ended with.</param>
    /// <param name="retry">The retry's number: 1 for the first.</param>
    /// <param name="delay">The wait before the retry.</param>
    /// <param name="maxDelay">The longest wait allowed, to tell a server's wait from the backoff.</param>
    public static void Retried(HttpRequestMessage? request, Outcome<HttpResponseMessage> outcome, int retry, TimeSpan delay, TimeSpan maxDelay)
    {
        var scope = request is null ? null : HubOperationScope.Of(request);
        var counted = HubTelemetry.Retries.Enabled;
        var rateLimited = outcome.Result is { StatusCode: HttpStatusCode.TooManyRequests }
            && (HubTelemetry.RateLimitWaits.Enabled || HubTelemetry.RateLimitWaitDuration.Enabled);
        if (scope is null && !counted && !rateLimited) return;

        var reason = outcome.Result is { } response ? HubTelemetry.StatusText((int)response.StatusCode) : HubTelemetry.ErrorType(outcome.Exception!);
        scope?.Retried(retry, reason, delay, DelaySource(outcome.Result, maxDelay));
        var tags = new TagList();
        if (scope is not null) tags.Add(HubTelemetry.Operation, scope.Name);
        if (rateLimited)
        {
            HubTelemetry.RateLimitWaits.Add(1, tags);
            HubTelemetry.RateLimitWaitDuration.Record(delay.TotalSeconds, tags);
        }
        if (counted)
        {
            tags.Add(HubTelemetry.ErrorTypeTag, reason);
            HubTelemetry.Retries.Add(1, tags);
        }
    }

    // Only where the delay came from is read here, which no clock changes.
    private static string DelaySource(HttpResponseMessage? response, TimeSpan maxDelay) => ServerDelay.Of(response, maxDelay, TimeProvider.System)?.Source switch
    {
        ServerDelay.RateLimitReset => "rate_limit_reset",
        ServerDelay.RetryAfter => "retry_after",
        _ => "backoff",
    };
}
