using Microsoft.Extensions.Logging;

namespace FlameHub;

/// <summary>Settings of a client's HTTP pipeline: credential, timeouts, retries, logging.</summary>
public class HubClientOptions
{
    /// <summary>How requests authenticate; null sends none (only <c>GET /</c> works then).</summary>
    public IHubCredential? Credential { get; set; }

    /// <summary>The limit for one call, retries and their delays included. Default: 100 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>The limit for one attempt. Default: 30 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>When and how failed requests are retried.</summary>
    public HubRetryOptions Retry { get; set; } = new();

    /// <summary>Where request events are logged; null logs nothing.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// Sent as <c>X-Request-Id</c> with every request of the client; null makes a new id per client.
    /// Visible ASCII only (no spaces or control characters), at most 200 characters: anything else
    /// throws <see cref="ArgumentException"/> here.
    /// </summary>
    public string? CorrelationId
    {
        get => _correlationId;
        set => _correlationId = value is null ? null : FlameHub.CorrelationId.Check(value, nameof(CorrelationId));
    }

    private string? _correlationId;

    internal void Validate()
    {
        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan) throw new ArgumentOutOfRangeException(nameof(Timeout), "Timeout must be positive or infinite.");
        if (AttemptTimeout <= TimeSpan.Zero && AttemptTimeout != System.Threading.Timeout.InfiniteTimeSpan) throw new ArgumentOutOfRangeException(nameof(AttemptTimeout), "AttemptTimeout must be positive or infinite.");
        ArgumentNullException.ThrowIfNull(Retry, nameof(Retry));
        Retry.Validate();
    }
}
