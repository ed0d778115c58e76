using Newtonsoft.Json;

namespace FlameHub;

/// <summary>
/// The <c>meta</c> of a list response: how many records match in all, and the page that was
/// returned. Authup leaves <see cref="Limit"/> and <see cref="Offset"/> out when no page was asked for.
/// </summary>
public sealed class ListMeta
{
    /// <summary>The number of records matching the filter, over all pages.</summary>
    [JsonProperty("total", Required = Required.Always)]
    public int Total { get; set; }

    /// <summary>The page size that was applied, if the service reports it.</summary>
    [JsonProperty("limit", NullValueHandling = NullValueHandling.Ignore)]
    public int? Limit { get; set; }

    /// <summary>The offset of the first returned record, if the service reports it.</summary>
    [JsonProperty("offset", NullValueHandling = NullValueHandling.Ignore)]
    public int? Offset { get; set; }
}
