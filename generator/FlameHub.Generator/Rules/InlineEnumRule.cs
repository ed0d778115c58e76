using System.Text.Json.Nodes;
using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Rules;

/// <summary>
/// An enum written inline in an entity's property (<c>Node.type</c>), or in the items of an
/// array property (<c>OpenIDProviderMetadata.response_types_supported</c>), becomes the named
/// schema <c>NodeType</c> (<c>…ResponseTypesSupported</c>), so the entity and its create/update
/// bodies share one C# type, named by this rule instead of by NSwag from the wire name.
/// </summary>
public sealed class InlineEnumRule : INormalizationRule
{
    public void Apply(NormalizationContext context)
    {
        foreach (var (schemaName, schemaNode) in context.Schemas.ToList())
        {
            if (schemaNode?["properties"] is not JsonObject properties) continue;
            foreach (var (propertyName, propertyNode) in properties.ToList())
            {
                if (propertyNode is not JsonObject property) continue;
                var enumName = schemaName + Words.Pascal(propertyName);
                if (IsInlineEnum(property))
                {
                    properties[propertyName] = Hoist(context, property, enumName, $"{schemaName}.{propertyName}");
                }
                else if (property["type"]?.GetValue<string>() == "array" && property["items"] is JsonObject items && IsInlineEnum(items))
                {
                    property["items"] = Hoist(context, items, enumName, $"{schemaName}.{propertyName}[]");
                }
            }
        }
    }

    private static bool IsInlineEnum(JsonObject schema) => schema["enum"] is not null && !schema.ContainsKey("$ref");

    /// <summary>Names the enum of <paramref name="inline"/> and returns what replaces it: a reference, nullable if it was.</summary>
    private static JsonObject Hoist(NormalizationContext context, JsonObject inline, string enumName, string where)
    {
        var enumSchema = new JsonObject { ["type"] = inline["type"]?.DeepClone(), ["enum"] = inline["enum"]!.DeepClone() };
        if (context.Schemas[enumName] is { } existing && !JsonNode.DeepEquals(existing, enumSchema))
        {
            throw new GeneratorException($"{context.Service}: the enum of {where} needs the name '{enumName}', which another schema has.");
        }
        context.Schemas[enumName] = enumSchema;
        var replacement = inline["nullable"]?.GetValue<bool>() == true
            ? new JsonObject { ["allOf"] = new JsonArray(OpenApiJson.Ref(enumName)), ["nullable"] = true }
            : OpenApiJson.Ref(enumName);
        if (inline["description"] is { } description) replacement["description"] = description.DeepClone();
        return replacement;
    }
}
