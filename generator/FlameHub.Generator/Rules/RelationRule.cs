using System.Text.Json.Nodes;
using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Rules;

/// <summary>
/// A property that holds another entity beside its foreign key (<c>registry</c> beside
/// <c>registry_id</c>, or <c>registryId</c> in a camelCase document) is a relation: the Hub sends it only when asked with <c>include=</c>, and
/// then possibly as null. It is marked includable, made nullable and dropped from <c>required</c>.
/// </summary>
public sealed class RelationRule : INormalizationRule
{
    public const string Includable = "x-flamehub-includable";

    public void Apply(NormalizationContext context)
    {
        foreach (var (_, schemaNode) in context.Schemas)
        {
            if (schemaNode is not JsonObject schema || schema["properties"] is not JsonObject properties) continue;
            var relations = new List<string>();
            foreach (var (name, property) in properties.ToList())
            {
                var target = OpenApiJson.RefName(property) ?? OpenApiJson.RefName(property?["allOf"]?[0]);
                if (target is null || !properties.ContainsKey(context.WireName([.. Words.Split(name), "id"]))) continue;
                if (context.Schemas[target] is not JsonObject targetSchema || targetSchema["properties"] is null) continue;
                // A $ref ignores its siblings in OpenAPI 3.0, so nullability needs the allOf form.
                properties[name] = new JsonObject
                {
                    ["allOf"] = new JsonArray(OpenApiJson.Ref(target)),
                    ["nullable"] = true,
                    [Includable] = true,
                };
                relations.Add(name);
            }
            if (relations.Count > 0)
            {
                OpenApiJson.SetRequired(schema, OpenApiJson.RequiredOf(schema).Except(relations));
            }
        }
    }

    /// <summary>The includable relation names of a schema, in declaration order.</summary>
    public static IReadOnlyList<string> RelationsOf(JsonObject? schema) =>
        (schema?["properties"] as JsonObject)?
            .Where(p => p.Value?[Includable]?.GetValue<bool>() == true)
            .Select(p => p.Key).ToList() ?? [];
}
