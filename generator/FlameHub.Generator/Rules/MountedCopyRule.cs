using System.Text.Json.Nodes;
using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Rules;

/// <summary>
/// Authup mounts some controllers twice: <c>/users</c> and <c>/realms/{realmId}/users</c> serve
/// the same handlers, the second only scoped to a realm by its path. A path
/// <c>/{collection}/{param}/{rest}</c> whose every operation repeats the top-level <c>/{rest}</c>'s
/// (same method, request body and answers) is such a copy: it is taken out and listed with the
/// excluded operations, so each resource has one set of methods (the top-level one filters by
/// <c>realmId</c> like any other field). A mounted path that differs from its top-level
/// namesake in any operation stays, and so does a sub-resource of an item (<c>/realms/{id}/jwks</c>). Runs on the converted document, before the schemas are named,
/// so the copies name nothing.
/// </summary>
public static class MountedCopyRule
{
    public static void Apply(JsonObject document)
    {
        if (document["paths"] is not JsonObject paths) return;
        var excluded = document[ExcludedOperationRule.ListExtension] as JsonArray ?? [];
        foreach (var (path, item) in paths.ToList())
        {
            var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            // /realms/{id}/jwks is a realm's own sub-resource; a mount names its parameter (/realms/{realmId}/...).
            if (segments.Length < 3 || OperationShape.IsParameter(segments[0]) || !OperationShape.IsParameter(segments[1]) || segments[1] == "{id}") continue;
            var topLevel = "/" + string.Join('/', segments.Skip(2));
            if (item is not JsonObject copy || paths[topLevel] is not JsonObject original) continue;
            var methods = copy.Where(m => HubDocumentFacts.HttpMethods.Contains(m.Key)).ToList();
            if (methods.Count == 0 || !methods.All(m => Repeats(m.Value, original[m.Key]))) continue;
            foreach (var (method, _) in methods)
            {
                excluded.Add(new JsonObject
                {
                    ["operation"] = $"{method.ToUpperInvariant()} {path}",
                    ["reason"] = $"repeats {method.ToUpperInvariant()} {topLevel}, mounted under /{segments[0]}/{segments[1]} (same handler, body and answers); use the top-level operation",
                });
            }
            paths.Remove(path);
        }
        if (excluded.Count > 0 && excluded.Parent is null) document[ExcludedOperationRule.ListExtension] = excluded;
    }

    private static bool Repeats(JsonNode? copy, JsonNode? original) =>
        copy is JsonObject c && original is JsonObject o
        && JsonNode.DeepEquals(c["requestBody"], o["requestBody"]) && JsonNode.DeepEquals(c["responses"], o["responses"]);
}
