using System.Text.Json.Nodes;

namespace FlameHub.Generator.Normalize;

/// <summary>
/// Applies an OpenAPI Overlay 1.0 document: each action's <c>target</c> (JSONPath) selects
/// nodes that its <c>update</c> merges into, or that <c>remove: true</c> deletes. A target that
/// selects nothing is an error, so a quirk the Hub fixed shows up instead of silently lingering;
/// so is a reference to a schema the document does not have.
/// </summary>
public static class Overlay
{
    public static void Apply(JsonObject document, JsonObject overlay, string overlayName)
    {
        if (overlay["overlay"]?.GetValue<string>() is not { } version || !version.StartsWith("1.", StringComparison.Ordinal))
        {
            throw new GeneratorException($"{overlayName}: not an OpenAPI Overlay 1.x document.");
        }
        foreach (var action in (overlay["actions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var target = action["target"]?.GetValue<string>() ?? throw new GeneratorException($"{overlayName}: an action without a target.");
            var nodes = JsonPath.Select(document, target);
            if (nodes.Count == 0) throw new GeneratorException($"{overlayName}: target '{target}' selects nothing in this document.");
            foreach (var node in nodes)
            {
                if (action["remove"]?.GetValue<bool>() == true) Remove(node);
                else if (action["update"] is { } update) Merge(node, update);
            }
        }
        // Quirks name schemas by their role names (SchemaRoleNames runs first); a served name here resolves to nothing.
        var schemas = OpenApiJson.Schemas(document);
        if (Rules.SchemaReferences.In(document).FirstOrDefault(r => !schemas.ContainsKey(r)) is { } missing)
        {
            throw new GeneratorException($"{overlayName}: refers to the schema '{missing}', which this document does not have (quirks use the role names of generator/FlameHub.Generator/Normalize/SchemaRoleNames.cs).");
        }
    }

    /// <summary>JSON merge in the overlay's sense: objects merge recursively, arrays append, values replace.</summary>
    private static void Merge(JsonNode target, JsonNode update)
    {
        switch (target, update)
        {
            case (JsonObject t, JsonObject u):
                foreach (var (key, value) in u)
                {
                    if (t[key] is { } existing && value is JsonObject or JsonArray && existing.GetType() == value.GetType()) Merge(existing, value);
                    else t[key] = value?.DeepClone();
                }
                break;
            case (JsonArray t, JsonArray u):
                foreach (var item in u) t.Add(item?.DeepClone());
                break;
            default:
                throw new GeneratorException($"overlay: cannot merge a {update.GetValueKind()} into {target.GetPath()}.");
        }
    }

    private static void Remove(JsonNode node)
    {
        switch (node.Parent)
        {
            case JsonObject parent: parent.Remove(node.GetPropertyName()); break;
            case JsonArray parent: parent.Remove(node); break;
            default: throw new GeneratorException("overlay: cannot remove the document root.");
        }
    }
}
