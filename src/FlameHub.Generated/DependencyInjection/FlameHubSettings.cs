namespace FlameHub;

/// <summary>
/// The typed settings of a FlameHub configuration section, as the configuration binder converts
/// them (URLs, time spans such as <c>00:00:30</c>, numbers, booleans). Unset values stay null and
/// leave the options' defaults alone. The credential is read on its own: see <see cref="FlameHubCredentialSettings"/>.
/// </summary>
internal sealed class FlameHubSettings
{
    public Uri? Gateway { get; set; }

    public Uri? AuthUrl { get; set; }

    public Uri? CoreUrl { get; set; }

    public Uri? StorageUrl { get; set; }

    public TimeSpan? Timeout { get; set; }

    public TimeSpan? AttemptTimeout { get; set; }

    public long? MaxResponseBytes { get; set; }

    public RetrySettings? Retry { get; set; }

    public string? CorrelationId { get; set; }

    public HubReleaseCheck? ReleaseCheck { get; set; }

    /// <summary>The keys a section may have, each with the keys of its own subsection (null for a value).</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>?> Keys = new Dictionary<string, IReadOnlyList<string>?>(StringComparer.OrdinalIgnoreCase)
    {
        [nameof(Gateway)] = null,
        [nameof(AuthUrl)] = null,
        [nameof(CoreUrl)] = null,
        [nameof(StorageUrl)] = null,
        [nameof(Timeout)] = null,
        [nameof(AttemptTimeout)] = null,
        [nameof(MaxResponseBytes)] = null,
        [nameof(Retry)] = [nameof(RetrySettings.MaxRetries), nameof(RetrySettings.BaseDelay), nameof(RetrySettings.MaxDelay), nameof(RetrySettings.RetryPost)],
        [nameof(CorrelationId)] = null,
        [nameof(ReleaseCheck)] = null,
        [FlameHubCredentialSettings.Section] = FlameHubCredentialSettings.Keys,
    };

    internal sealed class RetrySettings
    {
        public int? MaxRetries { get; set; }

        public TimeSpan? BaseDelay { get; set; }

        public TimeSpan? MaxDelay { get; set; }

        public bool? RetryPost { get; set; }
    }
}
