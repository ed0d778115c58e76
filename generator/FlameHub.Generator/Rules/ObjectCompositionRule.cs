using System.Text.Json.Nodes;
using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Rules;

/// <summary>
/// A schema composed of objects (<c>allOf: [{$ref: Payload}, {properties: {active}}]</c>, as
/// trapi writes an intersection type) becomes one object with all of their properties: the DTO
/// templates write no base classes, so NSwag would drop every part but the inline one, and the
/// referenced part would be left as a type no operation returns. An open part
/// (<c>additionalProperties: true</c>) leaves the result open. A composition with a part that is
/// no object (a string, a union) stays as it is.
/// </summary>
public sealed class ObjectCompositionRule : INormalizationRule
{
    public void Apply(NormalizationContext context)
    {
        if (context.Document["components"]?["schemas"] is not JsonObject schemas) return;
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in schemas.Select(s => s.Key).ToList()) Flatten(schemas, name, done, []);
    }

    private static JsonObject? Flatten(JsonObject schemas, string name, HashSet<string> done, HashSet<string> visiting)
    {
        if (schemas[name] is not JsonObject schema) return null;
        if (done.Contains(name) || !visiting.Add(name)) return schema;
        try
        {
            if (schema["allOf"] is not JsonArray parts || parts.Count < 2) return schema;
            var properties = new JsonObject();
            var required = new List<string>();
            var open = false;
            foreach (var part in parts)
            {
                var resolved = OpenApiJson.RefName(part) is { } target ? Flatten(schemas, target, done, visiting) : part as JsonObject;
                if (resolved is null || !IsPlainObject(resolved)) return schema;
                foreach (var (key, value) in resolved["properties"] as JsonObject ?? []) properties[key] = value?.DeepClone();
                required.AddRange((resolved["required"] as JsonArray ?? []).Select(r => r!.GetValue<string>()));
                open |= resolved["additionalProperties"] is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.True;
            }
            var flat = new JsonObject { ["type"] = "object", ["properties"] = properties };
            if (required.Count > 0) flat["required"] = new JsonArray(required.Distinct(StringComparer.Ordinal).Select(r => (JsonNode)r).ToArray());
            if (open) flat["additionalProperties"] = true;
            foreach (var (key, value) in schema.Where(p => p.Key is "description" or "nullable" || p.Key.StartsWith("x-", StringComparison.Ordinal)).ToList())
            {
                flat[key] = value?.DeepClone();
            }
            schemas[name] = flat;
            return flat;
        }
        finally
        {
            visiting.Remove(name);
            done.Add(name);
        }
    }

    private static bool IsPlainObject(JsonObject schema) =>
        !schema.ContainsKey("allOf") && !schema.ContainsKey("oneOf") && !schema.ContainsKey("anyOf") && !schema.ContainsKey("enum")
        && (schema["type"]?.GetValue<string>() == "object" || schema.ContainsKey("properties"));
}
