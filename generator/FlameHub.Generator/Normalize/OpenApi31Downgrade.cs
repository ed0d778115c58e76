using System.Text.Json.Nodes;

namespace FlameHub.Generator.Normalize;

/// <summary>
/// OpenAPI 3.1 to the 3.0 form NSwag 14 reads. The Hub's 3.1 documents are written 3.0-style
/// (<c>nullable: true</c>, <c>allOf</c> around a nullable <c>$ref</c>), so little changes:
/// a type list with <c>"null"</c> becomes the type and <c>nullable</c>, <c>const</c> a one-value
/// <c>enum</c>, and a <c>$ref</c> loses its siblings (3.0 ignores them; a description moves
/// into an <c>allOf</c> wrapper so it is kept). Every <c>nullable: true</c> is also marked
/// <c>x-nullable</c>, because the converter forgets it on an <c>allOf</c> wrapper.
/// </summary>
public static class OpenApi31Downgrade
{
    public static bool Applies(JsonObject document) =>
        document["openapi"]?.GetValue<string>() is { } version && version.StartsWith("3.1", StringComparison.Ordinal);

    public static JsonObject Apply(JsonObject document)
    {
        var copy = (JsonObject)document.DeepClone();
        copy["openapi"] = "3.0.3";
        copy.Remove("jsonSchemaDialect");
        copy.Remove("webhooks");
        foreach (var node in OpenApiJson.Descendants(copy).OfType<JsonObject>().ToList())
        {
            if (node["type"] is JsonArray types && !IsNameMap(node))
            {
                var named = types.Select(t => t!.GetValue<string>()).Where(t => t != "null").ToList();
                if (named.Count < types.Count) node["nullable"] = true;
                if (named.Count == 1) node["type"] = named[0];
                else node.Remove("type");
            }
            // Microsoft.OpenApi drops 3.0's nullable beside an allOf; the vendor mark survives and NullableRule reads it.
            if (node["nullable"] is JsonValue nullableMark && nullableMark.GetValueKind() == System.Text.Json.JsonValueKind.True && !IsNameMap(node))
            {
                node["x-nullable"] = true;
            }
            if (node.ContainsKey("const") && !IsNameMap(node))
            {
                node["enum"] = new JsonArray(node["const"]!.DeepClone());
                node.Remove("const");
            }
            if (node["$ref"] is JsonValue reference && node.Count > 1 && !IsNameMap(node))
            {
                var description = node["description"]?.DeepClone();
                var nullable = node["nullable"]?.DeepClone();
                node.Clear();
                if (description is null && nullable is null)
                {
                    node["$ref"] = reference.GetValue<string>();
                    continue;
                }
                node["allOf"] = new JsonArray(new JsonObject { ["$ref"] = reference.GetValue<string>() });
                if (description is not null) node["description"] = description;
                if (nullable is not null) node["nullable"] = nullable;
            }
        }
        return copy;
    }

    // A map of names (properties, schemas, responses...) may hold a member called "type" or "const".
    private static bool IsNameMap(JsonObject node) =>
        node.Parent is JsonObject && node.GetPropertyName() is "properties" or "schemas" or "paths" or "responses" or "securitySchemes" or "content";
}
