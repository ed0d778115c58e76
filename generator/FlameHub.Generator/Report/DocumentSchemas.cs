using System.Text.Json;
using System.Text.Json.Nodes;

namespace FlameHub.Generator.Report;

/// <summary>
/// Reads the schemas of one document the same way whatever wrote it: Swagger 2.0
/// (<c>#/definitions/</c>, <c>x-nullable</c>) or OpenAPI 3.0/3.1 (<c>#/components/schemas/</c>,
/// <c>nullable</c>, <c>type: [.., "null"]</c>, <c>allOf: [{$ref}]</c> wrappers). References are
/// followed, never named: what a schema is called is the document generator's choice.
/// </summary>
public sealed class DocumentSchemas(JsonObject document)
{
    private static readonly string[] Prefixes = ["#/definitions/", "#/components/schemas/"];
    private const int MaxDepth = 16;

    private readonly JsonObject _schemas = document["definitions"] as JsonObject
        ?? document["components"]?["schemas"] as JsonObject ?? [];

    /// <summary>The schema a <c>$ref</c> (or a one-member <c>allOf</c> wrapper) stands for, followed to the end.</summary>
    public JsonObject? Resolve(JsonNode? schema)
    {
        for (var depth = 0; schema is JsonObject o && depth < MaxDepth; depth++)
        {
            if (Text(o["$ref"]) is { } reference)
            {
                schema = Prefixes.FirstOrDefault(p => reference.StartsWith(p, StringComparison.Ordinal)) is { } prefix
                    ? _schemas[reference[prefix.Length..]]
                    : null;
                continue;
            }
            if (o["allOf"] is JsonArray { Count: 1 } single && !o.ContainsKey("properties"))
            {
                schema = single[0];
                continue;
            }
            if (NonNullMembers(o) is [var only] && !o.ContainsKey("properties"))
            {
                schema = only;
                continue;
            }
            return o;
        }
        return null;
    }

    /// <summary>The properties and required names of an object schema, <c>allOf</c> members merged.</summary>
    public (IReadOnlyList<(string Name, JsonNode? Schema)> Properties, IReadOnlySet<string> Required) Flatten(JsonNode? schema)
    {
        var properties = new List<(string, JsonNode?)>();
        var required = new HashSet<string>(StringComparer.Ordinal);
        Collect(schema, properties, required, 0);
        return (properties, required);
    }

    private void Collect(JsonNode? schema, List<(string Name, JsonNode? Schema)> properties, HashSet<string> required, int depth)
    {
        if (depth > MaxDepth || Resolve(schema) is not { } o) return;
        foreach (var member in o["allOf"] as JsonArray ?? []) Collect(member, properties, required, depth + 1);
        foreach (var (name, property) in o["properties"] as JsonObject ?? [])
        {
            if (properties.All(p => p.Name != name)) properties.Add((name, property));
        }
        foreach (var name in (o["required"] as JsonArray ?? []).Select(Text).OfType<string>()) required.Add(name);
    }

    /// <summary>Whether the schema is an object with properties (directly or through <c>allOf</c>).</summary>
    public bool IsObject(JsonNode? schema) => Flatten(schema).Properties.Count > 0
        || Resolve(schema) is { } o && (Text(o["type"]) == "object" || o.ContainsKey("additionalProperties"));

    /// <summary>Nullable in any of the forms the documents use, on the schema or any wrapper on the way to it.</summary>
    public bool IsNullable(JsonNode? schema)
    {
        for (var depth = 0; schema is JsonObject o && depth < MaxDepth; depth++)
        {
            if (True(o["x-nullable"]) || True(o["nullable"])) return true;
            if (o["type"] is JsonArray types && types.Any(t => Text(t) == "null")) return true;
            if (AnyOf(o).Any(m => m is JsonObject member && Text(member["type"]) == "null")) return true;
            if (Text(o["$ref"]) is not null || o["allOf"] is JsonArray { Count: 1 } || NonNullMembers(o) is [_])
            {
                schema = Text(o["$ref"]) is not null ? Resolve(o) : o["allOf"] is JsonArray { Count: 1 } a ? a[0] : NonNullMembers(o)[0];
                continue;
            }
            return false;
        }
        return false;
    }

    /// <summary>A schema in words that do not depend on schema names: <c>string(date-time)</c>, <c>array&lt;object&gt;</c>, <c>enum</c>.</summary>
    public string Describe(JsonNode? schema)
    {
        if (schema is null) return "none";
        if (Resolve(schema) is not { } o) return "any";
        if (o.ContainsKey("enum")) return "enum";
        var type = Type(o);
        if (type == "array") return $"array<{Describe(o["items"])}>";
        if (type == "object" || type is null && (o.ContainsKey("properties") || o.ContainsKey("allOf")))
        {
            return o["additionalProperties"] is JsonObject values && !o.ContainsKey("properties") ? $"map<{Describe(values)}>" : "object";
        }
        if (type is null) return "any";
        return Text(o["format"]) is { } format ? $"{type}({format})" : type;
    }

    public IReadOnlyList<string> EnumValues(JsonNode? schema) =>
        (Resolve(schema)?["enum"] as JsonArray ?? []).Where(v => v is not null).Select(v => v is JsonValue s && s.GetValueKind() == JsonValueKind.String ? s.GetValue<string>() : v!.ToJsonString())
            .Distinct(StringComparer.Ordinal).ToList();

    private static string? Type(JsonObject o) => o["type"] switch
    {
        JsonArray types => types.Select(Text).FirstOrDefault(t => t is not null and not "null"),
        var single => Text(single),
    };

    private static IEnumerable<JsonNode?> AnyOf(JsonObject o) => (o["anyOf"] as JsonArray ?? []).Concat(o["oneOf"] as JsonArray ?? []);

    private static List<JsonNode?> NonNullMembers(JsonObject o) =>
        AnyOf(o).Where(m => !(m is JsonObject member && Text(member["type"]) == "null")).ToList();

    private static bool True(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    internal static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
