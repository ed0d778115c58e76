using System.Globalization;
using System.Text.Json.Nodes;
using FlameHub.Generator.Normalize;
using FlameHub.Generator.Rules;

namespace FlameHub.Generator.Tests.Rules;

/// <summary>Builds rule contexts from JSON text and reads the results back.</summary>
internal static class RuleTestKit
{
    public static JsonObject Parse(string json) => (JsonObject)JsonNode.Parse(json)!;

    /// <summary>A context over <paramref name="json"/>, served as the only document of <paramref name="service"/>.</summary>
    public static NormalizationContext Context(string json, string service = "core")
    {
        var document = Parse(json);
        return new NormalizationContext(service, document, new Dictionary<string, JsonObject> { [service] = document });
    }

    /// <summary>Applies a fresh <typeparamref name="TRule"/> to <paramref name="json"/> and returns the changed document.</summary>
    public static JsonObject Apply<TRule>(string json, string service = "core") where TRule : INormalizationRule, new()
    {
        var context = Context(json, service);
        new TRule().Apply(context);
        return context.Document;
    }

    public static JsonObject Operation(this JsonObject document, string path, string method) =>
        (JsonObject)document["paths"]![path]![method]!;

    public static JsonObject Schema(this JsonObject document, string name) =>
        (JsonObject)document["components"]!["schemas"]![name]!;

    /// <summary>The node at a dot-separated path of property names and array indexes.</summary>
    public static JsonNode? At(this JsonNode node, string path)
    {
        JsonNode? current = node;
        foreach (var key in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            current = current is JsonArray array ? array[int.Parse(key, CultureInfo.InvariantCulture)] : current?[key];
        }
        return current;
    }

    public static string? Text(this JsonNode node, string path) => node.At(path)?.GetValue<string>();

    public static string[] Strings(this JsonNode node, string path) =>
        (node.At(path) as JsonArray)?.Select(n => n!.GetValue<string>()).ToArray() ?? [];

    public static string[] Keys(this JsonNode node, string path = "") =>
        (node.At(path) as JsonObject)?.Select(p => p.Key).ToArray() ?? [];

    public static void AssertJson(JsonNode? actual, string expected) =>
        Assert.That(JsonNode.DeepEquals(actual, JsonNode.Parse(expected)), Is.True,
            $"expected {JsonNode.Parse(expected)?.ToJsonString()}, got {actual?.ToJsonString() ?? "null"}");
}
