using System.Text.Json.Nodes;
using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Rules;

/// <summary>
/// Ties each resource operation to its entity: <c>x-flamehub-entity-schema</c> names the schema
/// (for the client templates), and an item's <c>{id}</c> path parameter takes the entity id's
/// format, so <c>/nodes/{id}</c> takes a UUID. An operation of a collection that serves no entity
/// is an action, whatever its path looks like. Runs after <see cref="OperationNamingRule"/>.
/// </summary>
public sealed class ResourceIdRule : INormalizationRule
{
    public const string EntitySchemaExtension = "x-flamehub-entity-schema";

    public void Apply(NormalizationContext context)
    {
        var entities = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var operation in context.Operations)
        {
            if (operation.Node["x-flamehub-resource"]?.GetValue<string>() is not { } resource) continue;
            if (!entities.TryGetValue(resource, out var entity)) entities[resource] = entity = context.EntityOf(resource);
            if (entity is null)
            {
                // A collection that serves no entity (Authup 0.14's POST /activate) has no resource methods: its operations are actions.
                if (operation.Node[OperationNamingRule.KindExtension]?.GetValue<string>() is "create" or "update" or "replace" or "get" or "delete")
                {
                    operation.Node[OperationNamingRule.KindExtension] = "action";
                }
                continue;
            }
            operation.Node[EntitySchemaExtension] = entity;

            var idFormat = context.Schemas[entity]?["properties"]?["id"]?["format"]?.GetValue<string>();
            if (idFormat is null || !operation.Path.StartsWith("/" + resource + "/{id}", StringComparison.Ordinal)) continue;
            foreach (var parameter in operation.Node["parameters"] as JsonArray ?? [])
            {
                if (parameter?["in"]?.GetValue<string>() == "path" && parameter["name"]?.GetValue<string>() == "id"
                    && parameter["schema"] is JsonObject schema && schema["type"]?.GetValue<string>() == "string")
                {
                    schema["format"] = idFormat;
                }
            }
        }
    }
}
