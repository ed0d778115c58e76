using Newtonsoft.Json;

namespace FlameHub;

/// <summary>
/// The wire shape of a single record where the document declares it wrapped (Hub 0.14 and later):
/// <c>{"data": {...}, "meta": {...}}</c>. The meta carries nothing a caller of one record needs.
/// </summary>
internal sealed class RecordEnvelope<T>
{
    [JsonProperty("data", Required = Required.Always)]
    public T Data { get; set; } = default!;
}
