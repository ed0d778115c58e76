using System.Text.Json.Nodes;
using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Rules;

/// <summary>
/// Hub ids are UUIDs: an entity's <c>id</c>, and a foreign key <c>…_id</c> (<c>…Id</c> in a camelCase
/// document) whose stem names a resource of one of the services (<c>realm_id</c>, <c>node_realm_id</c>,
/// <c>masterImageId</c>), get <c>format: uuid</c>. Ids of outside systems (<c>external_id</c>,
/// <c>account_id</c>) stay strings, and so does a name not in the document's style.
/// </summary>
public sealed class UuidRule : INormalizationRule
{
    public void Apply(NormalizationContext context)
    {
        foreach (var (_, schema) in context.Schemas)
        {
            if (schema?["properties"] is not JsonObject properties) continue;
            foreach (var (name, property) in properties)
            {
                if (property is JsonObject p && p["type"]?.GetValue<string>() == "string" && !p.ContainsKey("format")
                    && IsHubId(name, context.EntityStems, context.FieldStyle))
                {
                    p["format"] = "uuid";
                }
            }
        }
    }

    internal static bool IsHubId(string property, IReadOnlySet<string> entityStems, FieldStyle style)
    {
        if (property == "id") return true;
        var words = Words.Split(property);
        if (words.Count < 2 || words[^1] != "id" || Words.Spell(words, style) != property) return false;
        var stem = string.Join('_', words.Take(words.Count - 1));
        return entityStems.Any(e => stem == e || stem.EndsWith("_" + e, StringComparison.Ordinal));
    }
}
