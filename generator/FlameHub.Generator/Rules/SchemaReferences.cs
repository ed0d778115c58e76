using System.Text.Json.Nodes;
using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Rules;

/// <summary>Finding and rewriting <c>$ref</c>s to component schemas.</summary>
public static class SchemaReferences
{
    public static void Rename(JsonNode root, IReadOnlyDictionary<string, string> renames)
    {
        if (renames.Count == 0) return;
        foreach (var node in OpenApiJson.Descendants(root).OfType<JsonObject>())
        {
            if (OpenApiJson.RefName(node) is { } name && renames.TryGetValue(name, out var target))
            {
                node["$ref"] = OpenApiJson.SchemaPrefix + target;
            }
        }
    }

    public static IEnumerable<string> In(JsonNode? root) =>
        OpenApiJson.Descendants(root).Select(OpenApiJson.RefName).OfType<string>();
}
