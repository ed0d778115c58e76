using Newtonsoft.Json;

namespace FlameHub;

/// <summary>The wire shape of every list response: <c>{"data": [...], "meta": {...}}</c>.</summary>
internal sealed class ListEnvelope<T>
{
    [JsonProperty("data", Required = Required.Always)]
    public List<T> Data { get; set; } = [];

    [JsonProperty("meta")]
    public ListMeta? Meta { get; set; }
}
