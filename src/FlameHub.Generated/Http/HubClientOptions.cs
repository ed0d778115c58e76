using Microsoft.Extensions.Logging;

namespace FlameHub;

/// <summary>Settings of a client's HTTP pipeline: credential, timeouts, retries, logging.</summary>
public class HubClientOptions
{
    /// <summary>How requests authenticate; null sends none (only <c>GET /</c> works then).</summary>
    public IHubCredential? Credential { get; set; }

    /// <summary>The limit for one call, retries and their delays included. Default: 100 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// The limit for one attempt. Default: 30 seconds. It is also how long a download stream may
    /// wait for its next bytes (its <see cref="Stream.ReadTimeout"/>): a read that gets nothing for
    /// this long fails with an <see cref="HttpIOException"/> whose inner exception is a <see cref="TimeoutException"/>.
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The most bytes a JSON answer may have once decompressed; a longer one ends the call with a
    /// <see cref="HubResponseTooLargeException"/> before it fills memory. Default: 32 MiB, which holds
    /// a full page of 50 of the largest entity many times over. Downloads are streamed and not limited.
    /// </summary>
    public long MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    internal const long DefaultMaxResponseBytes = 32L * 1024 * 1024;

    /// <summary>When and how failed requests are retried.</summary>
    public HubRetryOptions Retry { get; set; } = new();

    /// <summary>
    /// The clock of the client's waits and limits: the delays between retries (backoff and the
    /// server's <c>Retry-After</c> or <c>RateLimit-Reset</c>), <see cref="Timeout"/>,
    /// <see cref="AttemptTimeout"/> (a download's idle limit too), and the date a <c>Retry-After</c>
    /// names. Default: <see cref="TimeProvider.System"/>. Tests put a fake clock here (for example
    /// <c>FakeTimeProvider</c> of Microsoft.Extensions.TimeProvider.Testing) and move it on instead of waiting.
    /// A token credential has a clock of its own, <see cref="HubCredentialOptions.TimeProvider"/>, for
    /// token expiry and its token requests' retries and timeouts: give it the same one.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// What a client does when its service reports a release this package does not speak (another
    /// minor line of the Hub, another Authup pre-release; see <see cref="HubRelease"/>). Before a client's first
    /// request, it reads the service's <c>GET /</c> once, with the client's retries and timeouts;
    /// clients made with the same options and base URL share that read. Another patch of the same
    /// line passes and is logged once; a service that reports no version passes. Default:
    /// <see cref="HubReleaseCheck.Strict"/>, which fails the call before anything is sent.
    /// </summary>
    public HubReleaseCheck ReleaseCheck { get; set; } = HubReleaseCheck.Strict;

    /// <summary>The release facts the check judges by: this package's; tests give others.</summary>
    internal ReleaseCatalog ReleaseCatalog { get; set; } = ReleaseCatalog.Current;

    /// <summary>The release checks of the clients made with these options.</summary>
    internal ReleaseGuards ReleaseGuards { get; } = new();

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

    /// <summary>What is wrong with the settings, each naming its setting; empty when all are valid.</summary>
    internal IEnumerable<OptionProblem> Problems()
    {
        if (!PositiveOrInfinite(Timeout)) yield return new(nameof(Timeout), $"must be positive or infinite (was {Timeout:c})");
        if (!PositiveOrInfinite(AttemptTimeout)) yield return new(nameof(AttemptTimeout), $"must be positive or infinite (was {AttemptTimeout:c})");
        if (MaxResponseBytes <= 0) yield return new(nameof(MaxResponseBytes), $"must be positive (was {MaxResponseBytes})");
        if (!Enum.IsDefined(ReleaseCheck)) yield return new(nameof(ReleaseCheck), $"must be Strict, Warn or Off (was {(int)ReleaseCheck})");
        if (Retry is null)
        {
            yield return new(nameof(Retry), "is required");
            yield break;
        }
        foreach (var problem in Retry.Problems()) yield return problem.Under(nameof(Retry));
    }

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Retry, nameof(Retry));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        foreach (var problem in Problems()) throw problem.ToException();
    }

    private static bool PositiveOrInfinite(TimeSpan value) => value > TimeSpan.Zero || value == System.Threading.Timeout.InfiniteTimeSpan;
}
