using Newtonsoft.Json;

namespace FlameHub;

/// <summary>The one serializer configuration the clients read and write JSON with.</summary>
internal static class HubJson
{
    public static readonly JsonSerializerSettings Settings = new()
    {
        DateParseHandling = DateParseHandling.DateTimeOffset,
        MaxDepth = 64,
    };

    public static readonly JsonSerializer Serializer = JsonSerializer.Create(Settings);
}
