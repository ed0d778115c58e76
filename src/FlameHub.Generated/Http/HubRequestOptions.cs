using System.Diagnostics;

namespace FlameHub;

/// <summary>Per-request settings the pipeline reads from <see cref="HttpRequestMessage.Options"/>.</summary>
internal static class HubRequestOptions
{
    /// <summary>Set to true on a POST that may safely be sent twice, so it is retried like a GET.</summary>
    public static readonly HttpRequestOptionsKey<bool> Retryable = new("FlameHub.Retryable");

    /// <summary>The attempt number (1 for the first) the pipeline is sending.</summary>
    public static readonly HttpRequestOptionsKey<int> Attempt = new("FlameHub.Attempt");

    /// <summary>When the call ends at the latest (a <see cref="Stopwatch"/> timestamp), so no retry waits past it.</summary>
    internal static readonly HttpRequestOptionsKey<long> Deadline = new("FlameHub.Deadline");

    /// <summary>Records that the call of <paramref name="request"/> ends after <paramref name="timeout"/> from now.</summary>
    internal static void SetDeadline(HttpRequestMessage request, TimeSpan timeout)
    {
        // Beyond a year the limit is as good as none (and would overflow the timestamp).
        if (timeout == Timeout.InfiniteTimeSpan || timeout > TimeSpan.FromDays(365)) return;
        request.Options.Set(Deadline, Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency));
    }

    /// <summary>The time left until the call's deadline; null when it has none.</summary>
    internal static TimeSpan? Remaining(HttpRequestMessage request) =>
        request.Options.TryGetValue(Deadline, out var deadline) ? Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline) : null;
}
