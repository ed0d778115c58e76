using System.Text.Json.Nodes;
using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Rules;

/// <summary>
/// A field whose last word is <c>at</c> (<c>created_at</c>, <c>reset_at</c>, <c>expiresAt</c>) is a
/// moment: the Hub and Authup send it as an ISO-8601 string. The documents say so for some
/// (<c>format: date-time</c>), leave others a bare <c>string</c>, and declare TypeORM's
/// <c>Date</c> columns as a property-less <c>object</c>. Every such field becomes a
/// <c>date-time</c> string (a <c>DateTimeOffset</c>), keeping its nullability, description and
/// read-only mark. A number (OIDC's <c>updated_at</c> claim, epoch seconds) or a field with its
/// own properties is not a timestamp string and is left alone, and so is a name not in the
/// document's style.
/// </summary>
public sealed class TimestampRule : INormalizationRule
{
    public void Apply(NormalizationContext context)
    {
        foreach (var (_, schema) in context.Schemas)
        {
            if (schema?["properties"] is not JsonObject properties) continue;
            foreach (var (name, property) in properties)
            {
                if (property is JsonObject p && IsMomentName(name, context.FieldStyle) && IsStringOrDate(p))
                {
                    p["type"] = "string";
                    p["format"] = "date-time";
                }
            }
        }
    }

    internal static bool IsMomentName(string name, FieldStyle style)
    {
        var words = Words.Split(name);
        return words.Count >= 2 && words[^1] == "at" && Words.Spell(words, style) == name;
    }

    /// <summary>A string of no other format, or a property-less object (how the documents write <c>Date</c>).</summary>
    private static bool IsStringOrDate(JsonObject property)
    {
        if (property.ContainsKey("$ref") || property.ContainsKey("allOf") || property.ContainsKey("enum")) return false;
        return property["type"]?.GetValue<string>() switch
        {
            "string" => property["format"]?.GetValue<string>() is null or "date-time",
            "object" => property["properties"] is null or JsonObject { Count: 0 } && property["additionalProperties"] is null,
            _ => false,
        };
    }
}
