using Newtonsoft.Json;

namespace FlameHub.Generated.Tests.Dtos;

/// <summary>Serializes the way the generated clients do, with the settings they send and read with.</summary>
internal static class ClientJson
{
    public static JsonSerializerSettings Settings => HubJson.Settings;

    public static string Serialize(object body) => JsonConvert.SerializeObject(body, Settings);

    public static T Deserialize<T>(string json) => JsonConvert.DeserializeObject<T>(json, Settings)!;
}
