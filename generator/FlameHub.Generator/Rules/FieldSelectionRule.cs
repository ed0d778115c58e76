using System.Text.Json.Nodes;
using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Rules;

/// <summary>
/// An entity in a response carries only what was selected: <c>fields=id,name</c> returns two
/// fields, and hidden columns (a user's <c>email</c>, a robot's <c>secret</c>) come only on
/// request. So of an entity's fields only <c>id</c> is required; the documents require all.
/// </summary>
public sealed class FieldSelectionRule : INormalizationRule
{
    public void Apply(NormalizationContext context)
    {
        var entities = context.Operations
            .Where(o => o.Shape.Kind is OperationKind.Get or OperationKind.List)
            .Select(o => context.EntityOf(o.Shape.Collection!))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        foreach (var name in entities)
        {
            if (context.Schemas[name] is JsonObject entity && entity["properties"] is JsonObject properties)
            {
                OpenApiJson.SetRequired(entity, properties.ContainsKey("id") ? ["id"] : []);
            }
        }
    }
}
