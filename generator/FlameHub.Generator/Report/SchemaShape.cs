using System.Text.Json;
using System.Text.Json.Nodes;

namespace FlameHub.Generator.Report;

/// <summary>
/// The facts of a Swagger 2.0 schema that callers depend on, in words: its type
/// (<c>string(date-time)</c>, <c>array&lt;Node&gt;</c>, <c>Registry</c> for a reference),
/// whether it is nullable, its enum values and the definitions it references.
/// </summary>
public static class SchemaShape
{
    private const string DefinitionsPrefix = "#/definitions/";

    public static string Describe(JsonNode? schema)
    {
        if (schema is not JsonObject o) return "no schema";
        if (RefName(o) is { } name) return name;
        var type = Text(o["type"]);
        if (type == "array") return $"array<{Describe(o["items"])}>";
        if (type == "object" || (type is null && o.ContainsKey("properties")))
        {
            return o["additionalProperties"] is JsonObject values ? $"map<{Describe(values)}>" : "object";
        }
        if (type is null) return o.ContainsKey("allOf") ? "allOf" : "any";
        return Text(o["format"]) is { } format ? $"{type}({format})" : type;
    }

    /// <summary>Swagger 2.0 has no nullable; the Hub marks it with the vendor <c>x-nullable</c>.</summary>
    public static bool IsNullable(JsonNode? schema) =>
        schema is JsonObject o && o["x-nullable"] is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    public static IReadOnlySet<string> EnumValues(JsonNode? schema) =>
        (schema?["enum"] as JsonArray ?? []).Select(v => v?.ToJsonString() ?? "null").ToHashSet(StringComparer.Ordinal);

    public static IReadOnlySet<string> Required(JsonNode? schema) =>
        (schema?["required"] as JsonArray ?? []).Select(v => Text(v)).OfType<string>().ToHashSet(StringComparer.Ordinal);

    public static JsonObject Properties(JsonNode? schema) => schema?["properties"] as JsonObject ?? [];

    public static string? RefName(JsonObject schema) =>
        Text(schema["$ref"]) is { } reference && reference.StartsWith(DefinitionsPrefix, StringComparison.Ordinal)
            ? reference[DefinitionsPrefix.Length..]
            : null;

    /// <summary>The definitions a schema names directly or in nested inline schemas, not following them.</summary>
    public static IEnumerable<string> References(JsonNode? schema)
    {
        switch (schema)
        {
            case JsonObject o:
                if (RefName(o) is { } name) yield return name;
                foreach (var (key, value) in o)
                {
                    if (key == "enum" || key == "required") continue;
                    foreach (var nested in References(value)) yield return nested;
                }
                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    foreach (var nested in References(item)) yield return nested;
                }
                break;
        }
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
