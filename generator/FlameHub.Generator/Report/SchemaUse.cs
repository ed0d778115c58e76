using System.Text.Json.Nodes;

namespace FlameHub.Generator.Report;

/// <summary>Whether callers send a schema (request bodies), read it (responses), or both.</summary>
[Flags]
public enum SchemaUse
{
    None = 0,
    Sent = 1,
    Read = 2,
    Both = Sent | Read,
}

/// <summary>
/// Which definitions a document's operations send and read, following <c>$ref</c>s through
/// properties, items and compositions. A definition no operation reaches counts as both, so that
/// the rules err towards calling a change breaking.
/// </summary>
public sealed class SchemaUsage
{
    private readonly Dictionary<string, SchemaUse> _uses = new(StringComparer.Ordinal);

    public static SchemaUsage Of(JsonObject? document)
    {
        var usage = new SchemaUsage();
        if (document is null) return usage;
        var definitions = document["definitions"] as JsonObject ?? [];
        foreach (var (_, operation) in SwaggerOperations.All(document))
        {
            foreach (var parameter in (operation["parameters"] as JsonArray ?? []).OfType<JsonObject>())
            {
                if (parameter["in"]?.GetValue<string>() == "body") usage.Mark(parameter["schema"], SchemaUse.Sent, definitions);
            }
            foreach (var (_, response) in operation["responses"] as JsonObject ?? [])
            {
                usage.Mark(response?["schema"], SchemaUse.Read, definitions);
            }
        }
        return usage;
    }

    /// <summary>The use of a definition in either document; unreached definitions count as both.</summary>
    public static SchemaUse Combined(string definition, SchemaUsage old, SchemaUsage @new)
    {
        var use = old.Get(definition) | @new.Get(definition);
        return use == SchemaUse.None ? SchemaUse.Both : use;
    }

    private SchemaUse Get(string definition) => _uses.GetValueOrDefault(definition);

    private void Mark(JsonNode? schema, SchemaUse use, JsonObject definitions)
    {
        foreach (var name in SchemaShape.References(schema))
        {
            if ((_uses.GetValueOrDefault(name) & use) == use) continue;
            _uses[name] = _uses.GetValueOrDefault(name) | use;
            Mark(definitions[name], use, definitions);
        }
    }
}
