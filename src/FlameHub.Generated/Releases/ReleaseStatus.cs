using Newtonsoft.Json;

namespace FlameHub;

/// <summary>
/// What the release check reads of a service's <c>GET /</c>: core and storage send
/// <c>{version, timestamp}</c>, Authup <c>{version, ...}</c>, storage 0.8.13 <c>{timestamp}</c> only.
/// </summary>
internal sealed class ReleaseStatus
{
    /// <summary>The most bytes a status answer may have: they are under 200, a larger one is no status.</summary>
    public const long MaxBytes = 64 * 1024;

    /// <summary>The reported release; null when the status carries none.</summary>
    [JsonProperty("version")]
    public string? Version { get; set; }
}
