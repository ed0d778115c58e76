namespace FlameHub;

/// <summary>
/// Retries of GET, HEAD, PUT and DELETE on 408, 429, 502, 503, 504 and connection failures, with
/// exponential backoff and jitter; a <c>Retry-After</c> header sets the delay. POST, which creates
/// and updates on the Hub, is retried only when <see cref="RetryPost"/> is set.
/// </summary>
public sealed class HubRetryOptions
{
    /// <summary>Retries after the first attempt; 0 turns retrying off. Default: 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>
    /// The delay before the first retry; it doubles with each one, up to <see cref="MaxDelay"/>.
    /// Up to half of each is taken off at random (jitter). Default: 0.5 seconds.
    /// </summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest delay, <c>Retry-After</c> included. Default: 30 seconds.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retry POST requests too. Off by default: a repeated create can create twice.</summary>
    public bool RetryPost { get; set; }

    /// <summary>What is wrong with the settings, each naming its setting; empty when all are valid.</summary>
    internal IEnumerable<OptionProblem> Problems()
    {
        if (MaxRetries < 0) yield return new(nameof(MaxRetries), $"must not be negative (was {MaxRetries})");
        if (BaseDelay < TimeSpan.Zero) yield return new(nameof(BaseDelay), $"must not be negative (was {BaseDelay:c})");
        else if (MaxDelay < BaseDelay) yield return new(nameof(MaxDelay), $"must not be shorter than BaseDelay (was {MaxDelay:c}, BaseDelay {BaseDelay:c})");
    }

    internal void Validate()
    {
        foreach (var problem in Problems()) throw problem.ToException();
    }
}
