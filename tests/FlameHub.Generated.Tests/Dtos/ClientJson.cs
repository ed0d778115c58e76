using System.Reflection;
using FlameHub.Core;
using Newtonsoft.Json;

namespace FlameHub.Generated.Tests.Dtos;

/// <summary>Serializes the way the generated clients do, with the settings they build for themselves.</summary>
internal static class ClientJson
{
    public static JsonSerializerSettings Settings { get; } = (JsonSerializerSettings)typeof(CoreClient)
        .GetMethod("CreateSerializerSettings", BindingFlags.NonPublic | BindingFlags.Static)!
        .Invoke(null, null)!;

    public static string Serialize(object body) => JsonConvert.SerializeObject(body, Settings);

    public static T Deserialize<T>(string json) => JsonConvert.DeserializeObject<T>(json, Settings)!;
}
