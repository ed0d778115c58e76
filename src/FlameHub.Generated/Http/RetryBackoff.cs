namespace FlameHub;

/// <summary>
/// The wait before a retry when the server names none: <see cref="HubRetryOptions.BaseDelay"/>
/// doubled per retry and capped by <see cref="HubRetryOptions.MaxDelay"/>, of which a random part
/// of up to half is taken off so that clients that failed together do not retry together. Never
/// less than half the step: Polly's decorrelated jitter can come out under a millisecond, which
/// .NET's delay rounds to no wait at all, so a failing Hub would be asked again at once.
/// </summary>
internal static class RetryBackoff
{
    public static TimeSpan Delay(HubRetryOptions retry, int retryIndex) => Delay(retry, retryIndex, Random.Shared.NextDouble());

    /// <param name="retry">The settings.</param>
    /// <param name="retryIndex">0 before the first retry.</param>
    /// <param name="random">In [0, 1): how much of the jitter to take off.</param>
    public static TimeSpan Delay(HubRetryOptions retry, int retryIndex, double random)
    {
        var step = retry.BaseDelay.Ticks * Math.Pow(2, Math.Min(retryIndex, 62));
        var capped = Math.Min(step, retry.MaxDelay.Ticks);
        return TimeSpan.FromTicks((long)(capped * (1 - random / 2)));
    }
}
