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

    /// <summary>The delay before the first retry; it doubles with each one. Default: 0.5 seconds.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest delay, <c>Retry-After</c> included. Default: 30 seconds.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retry POST requests too. Off by default: a repeated create can create twice.</summary>
    public bool RetryPost { get; set; }

    internal void Validate()
    {
        if (MaxRetries < 0) throw new ArgumentOutOfRangeException(nameof(MaxRetries), "MaxRetries must not be negative.");
        if (BaseDelay < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(BaseDelay), "BaseDelay must not be negative.");
        if (MaxDelay < BaseDelay) throw new ArgumentOutOfRangeException(nameof(MaxDelay), "MaxDelay must not be shorter than BaseDelay.");
    }
}
