namespace FlameHub;

/// <summary>
/// Per-request settings the pipeline reads: on a client's own <see cref="HubRequest"/> from its
/// fields, on any other request from <see cref="HttpRequestMessage.Options"/>.
/// </summary>
internal static class HubRequestOptions
{
    /// <summary>Set to true on a POST that may safely be sent twice, so it is retried like a GET.</summary>
    public static readonly HttpRequestOptionsKey<bool> Retryable = new("FlameHub.Retryable");

    /// <summary>The attempt number (1 for the first) the pipeline is sending.</summary>
    public static readonly HttpRequestOptionsKey<int> Attempt = new("FlameHub.Attempt");

    /// <summary>When the call ends at the latest, so no retry waits past it.</summary>
    internal static readonly HttpRequestOptionsKey<CallDeadline> Deadline = new("FlameHub.Deadline");

    // Boxed once: a request's Options hold objects, and a box per attempt is an allocation per call.
    private static readonly object[] Attempts = Enumerable.Range(0, 16).Select(n => (object)n).ToArray();

    /// <summary>Records that the call of <paramref name="request"/> ends after <paramref name="timeout"/> from now on <paramref name="clock"/>.</summary>
    internal static void SetDeadline(HttpRequestMessage request, TimeSpan timeout, TimeProvider clock)
    {
        // Beyond a year the limit is as good as none (and would overflow the timestamp).
        if (timeout == Timeout.InfiniteTimeSpan || timeout > TimeSpan.FromDays(365)) return;
        var deadline = new CallDeadline(clock, clock.GetTimestamp() + (long)(timeout.TotalSeconds * clock.TimestampFrequency));
        if (request is HubRequest hub) hub.Deadline = deadline;
        else request.Options.Set(Deadline, deadline);
    }

    /// <summary>The time left until the call's deadline; null when it has none.</summary>
    internal static TimeSpan? Remaining(HttpRequestMessage request)
    {
        if (request is HubRequest hub) return hub.Deadline?.Remaining;
        return request.Options.TryGetValue(Deadline, out var deadline) ? deadline.Remaining : null;
    }

    /// <summary>Counts an attempt of <paramref name="request"/>; the first is 1.</summary>
    internal static void CountAttempt(HttpRequestMessage request)
    {
        if (request is HubRequest hub)
        {
            hub.Attempt++;
            return;
        }
        var next = AttemptOf(request) + 1;
        ((IDictionary<string, object?>)request.Options)[Attempt.Key] = next < Attempts.Length ? Attempts[next] : next;
    }

    /// <summary>The attempt being sent; 0 before the pipeline's retries have counted one.</summary>
    internal static int AttemptOf(HttpRequestMessage request) =>
        request is HubRequest hub ? hub.Attempt : request.Options.TryGetValue(Attempt, out var attempt) ? attempt : 0;
}

/// <summary>A point in time on a clock (a timestamp of <paramref name="Clock"/>): the end of a call.</summary>
internal readonly record struct CallDeadline(TimeProvider Clock, long Timestamp)
{
    /// <summary>How long until the deadline; negative once it has passed.</summary>
    public TimeSpan Remaining => Clock.GetElapsedTime(Clock.GetTimestamp(), Timestamp);
}

/// <summary>
/// A request of a client call: the pipeline keeps its deadline and attempt count here instead of
/// in <see cref="HttpRequestMessage.Options"/>, a dictionary made for each request that asks for it.
/// </summary>
internal sealed class HubRequest(HttpMethod method, Uri uri) : HttpRequestMessage(method, uri)
{
    public CallDeadline? Deadline { get; set; }

    public int Attempt { get; set; }

    /// <summary>Sent without the credential: the release check's <c>GET /</c>, which a Hub answers to anyone.</summary>
    public bool Anonymous { get; init; }
}
