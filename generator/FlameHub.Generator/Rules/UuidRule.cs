using System.Text.Json.Nodes;
using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Rules;

/// <summary>
/// Hub ids are UUIDs: an entity's <c>id</c>, and a foreign key <c>…_id</c> whose stem names a
/// resource of one of the services (<c>realm_id</c>, <c>node_realm_id</c>, <c>master_image_id</c>),
/// get <c>format: uuid</c>. Ids of outside systems (<c>external_id</c>, <c>account_id</c>) stay strings.
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
                    && IsHubId(name, context.EntityStems))
                {
                    p["format"] = "uuid";
                }
            }
        }
    }

    internal static bool IsHubId(string property, IReadOnlySet<string> entityStems)
    {
        if (property == "id") return true;
        if (!property.EndsWith("_id", StringComparison.Ordinal)) return false;
        var stem = property[..^3];
        return entityStems.Any(e => stem == e || stem.EndsWith("_" + e, StringComparison.Ordinal));
    }
}
