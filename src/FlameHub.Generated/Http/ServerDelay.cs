using System.Globalization;

namespace FlameHub;

/// <summary>
/// How long the server asks a client to wait before it tries again: on 429 the Hub's rate limiter
/// says when its window resets (<c>RateLimit-Reset: seconds</c>), which is exact where
/// <c>Retry-After</c> may be a coarse fixed value; otherwise <c>Retry-After</c>. Capped by the
/// longest delay the caller allows. A <c>Retry-After</c> date is measured from the pipeline's clock
/// (<see cref="HubClientOptions.TimeProvider"/>).
/// </summary>
internal readonly record struct ServerDelay(TimeSpan Delay, string Source)
{
    public const string RateLimitReset = "ratelimit-reset";
    public const string RetryAfter = "Retry-After";

    public static ServerDelay? Of(HttpResponseMessage? response, TimeSpan maxDelay, TimeProvider clock)
    {
        if (response is null) return null;
        if ((int)response.StatusCode == 429 && ResetSeconds(response) is { } reset)
        {
            return new ServerDelay(Cap(reset, maxDelay), RateLimitReset);
        }
        var header = response.Headers.RetryAfter;
        if (header is null) return null;
        if (header.Delta is { } delta) return new ServerDelay(delta > maxDelay ? maxDelay : delta, RetryAfter);
        if (header.Date is { } date) return new ServerDelay(Cap((date - clock.GetUtcNow()).TotalSeconds, maxDelay), RetryAfter);
        return null;
    }

    /// <summary>Delta seconds, as the IETF RateLimit fields send them; anything else is ignored.</summary>
    private static double? ResetSeconds(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("RateLimit-Reset", out var values)) return null;
        var text = values.FirstOrDefault()?.Trim();
        if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds)) return null;
        return seconds;
    }

    private static TimeSpan Cap(double seconds, TimeSpan maxDelay)
    {
        if (!(seconds > 0)) return TimeSpan.Zero;
        return seconds >= maxDelay.TotalSeconds ? maxDelay : TimeSpan.FromSeconds(seconds);
    }
}
