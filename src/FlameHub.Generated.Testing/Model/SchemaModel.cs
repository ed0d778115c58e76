using System.Text.Json.Nodes;

namespace FlameHub.Testing.Model;

/// <summary>One property of an entity schema, as the normalized document declares it.</summary>
internal sealed record PropertyModel(string Name, string? Type, string? Format, bool Nullable, bool ReadOnly, string? IncludedSchema)
{
    /// <summary>The values the document allows (its own <c>enum</c> or that of the schema it refers to); null for any.</summary>
    public IReadOnlyList<string>? Enum { get; init; }

    /// <summary>The name without case or separators: <c>created_at</c> and <c>createdAt</c> are both <c>createdat</c>.</summary>
    public string Key { get; } = Normal(Name);

    public static string Normal(string name) => new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}

/// <summary>An object schema of a document: its properties and required names.</summary>
internal sealed class SchemaModel
{
    private SchemaModel(string name, IReadOnlyList<PropertyModel> properties, IReadOnlyList<string> required)
    {
        Name = name;
        Properties = properties;
        Required = required;
    }

    public string Name { get; }

    public IReadOnlyList<PropertyModel> Properties { get; }

    public IReadOnlyList<string> Required { get; }

    /// <summary>The property whose name is <paramref name="key"/> once case and separators are gone.</summary>
    public PropertyModel? ByKey(string key) => Properties.FirstOrDefault(p => p.Key == key);

    public PropertyModel? ByName(string name) => Properties.FirstOrDefault(p => p.Name == name);

    /// <param name="name">The schema's name.</param>
    /// <param name="schema">The schema.</param>
    /// <param name="schemas">The document's schemas, to resolve what a property refers to (an enum).</param>
    public static SchemaModel Read(string name, JsonObject schema, JsonObject? schemas = null)
    {
        var properties = new List<PropertyModel>();
        foreach (var (propertyName, node) in schema["properties"]?.AsObject() ?? [])
        {
            if (node is not JsonObject property) continue;
            var included = property["x-flamehub-includable"]?.GetValue<bool>() == true ? RefName(property) : null;
            var type = property["type"] switch
            {
                JsonArray types => types.Select(t => t?.GetValue<string>()).FirstOrDefault(t => t != "null"),
                JsonValue value => value.GetValue<string>(),
                _ => property["$ref"] is not null ? "ref" : null,
            };
            var nullable = property["nullable"]?.GetValue<bool>() == true
                || (property["type"] is JsonArray list && list.Any(t => t?.GetValue<string>() == "null"));
            properties.Add(new PropertyModel(propertyName, type, property["format"]?.GetValue<string>(), nullable,
                property["readOnly"]?.GetValue<bool>() == true, included)
            {
                Enum = EnumOf(property) ?? (RefName(property) is { } target ? EnumOf(schemas?[target] as JsonObject) : null),
            });
        }
        var required = (schema["required"]?.AsArray() ?? []).Select(r => r!.GetValue<string>()).ToArray();
        return new SchemaModel(name, properties, required);
    }

    private static string[]? EnumOf(JsonObject? node) =>
        (node?["enum"] as JsonArray)?.OfType<JsonValue>().Select(v => v.ToString()).ToArray();

    /// <summary><c>{"$ref": "#/components/schemas/X"}</c> or <c>{"allOf": [{"$ref": ...}]}</c> gives X.</summary>
    public static string? RefName(JsonObject? node)
    {
        if (node is null) return null;
        var reference = node["$ref"]?.GetValue<string>() ?? (node["allOf"] as JsonArray)?.OfType<JsonObject>().Select(a => a["$ref"]?.GetValue<string>()).FirstOrDefault(r => r is not null);
        return reference?[(reference.LastIndexOf('/') + 1)..];
    }
}
