using System.Text.Json.Nodes;
using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Rules;

/// <summary>
/// An enum written inline in an entity's property (<c>Node.type</c>) becomes the named schema
/// <c>NodeType</c>, so the entity and its create/update bodies share one C# enum.
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
                if (propertyNode is not JsonObject property || property["enum"] is null || property.ContainsKey("$ref")) continue;
                var enumName = schemaName + Words.Pascal(propertyName);
                var enumSchema = new JsonObject { ["type"] = property["type"]?.DeepClone(), ["enum"] = property["enum"]!.DeepClone() };
                if (context.Schemas[enumName] is { } existing && !JsonNode.DeepEquals(existing, enumSchema))
                {
                    throw new GeneratorException($"{context.Service}: the enum of {schemaName}.{propertyName} needs the name '{enumName}', which another schema has.");
                }
                context.Schemas[enumName] = enumSchema;
                var replacement = property["nullable"]?.GetValue<bool>() == true
                    ? new JsonObject { ["allOf"] = new JsonArray(OpenApiJson.Ref(enumName)), ["nullable"] = true }
                    : OpenApiJson.Ref(enumName);
                if (property["description"] is { } description) replacement["description"] = description.DeepClone();
                properties[propertyName] = replacement;
            }
        }
    }
}
