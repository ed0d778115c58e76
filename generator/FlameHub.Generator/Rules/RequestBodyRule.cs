using System.Text.Json.Nodes;
using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Rules;

/// <summary>
/// Create and update bodies are derived from the entity, because the served bodies are
/// <c>Partial&lt;Entity&gt;</c> or the whole entity (required lists that name every field,
/// relations and server-set fields included). <c>Create{Entity}</c> and <c>Update{Entity}</c>
/// carry the entity's fields minus the server's (<c>id</c>, <c>created_at</c>, <c>updated_at</c>,
/// spelled as the document spells its fields)
/// and minus relations; those server fields become read-only on the entity. The documents do
/// not say which fields a create requires; a release's quirks file names them on the entity as
/// <c>x-flamehub-create-required</c>. Every schema a collection serves by list or by id is marked
/// <c>x-flamehub-entity</c>, so that the templates can tell resources from bodies and envelopes.
/// </summary>
public sealed class RequestBodyRule : INormalizationRule
{
    public const string DtoExtension = "x-flamehub-dto";
    public const string CreateRequiredExtension = "x-flamehub-create-required";
    public const string EntityExtension = "x-flamehub-entity";

    private static readonly string[][] ServerFieldWords = [["id"], ["created", "at"], ["updated", "at"]];

    public void Apply(NormalizationContext context)
    {
        MarkEntities(context);
        var serverFields = ServerFieldWords.Select(w => context.WireName(w)).ToList();
        var readable = context.Operations.Where(o => o.Shape.Kind is OperationKind.List or OperationKind.Get)
            .Select(o => o.Shape.Collection!).ToHashSet(StringComparer.Ordinal);
        foreach (var op in context.Operations)
        {
            // POST /register answers a record but is no resource: its body is its own, not derived from that record.
            if (!readable.Contains(op.Shape.Collection ?? "")) continue;
            var dto = op.Shape.Kind switch
            {
                OperationKind.Create or OperationKind.Replace => "create",
                OperationKind.Update => "update",
                _ => null,
            };
            if (dto is null || op.Node["requestBody"] is not JsonObject body || OpenApiJson.JsonContentSchema(body) is null) continue;
            if (context.EntityOf(op.Shape.Collection!) is not { } entity || context.Schemas[entity] is not JsonObject { } entitySchema
                || entitySchema["properties"] is not JsonObject) continue;

            var name = Words.Pascal(dto) + entity;
            if (!context.Schemas.ContainsKey(name))
            {
                context.Schemas[name] = Derive(entitySchema, dto, serverFields);
                MarkServerFieldsReadOnly(entitySchema, serverFields);
            }
            body["content"] = OpenApiJson.JsonContent(OpenApiJson.Ref(name));
            body["required"] = true;
        }
    }

    /// <summary>Only collections that can be read are resources: <c>POST /token</c> returns no entity.</summary>
    private static void MarkEntities(NormalizationContext context)
    {
        var readable = context.Operations
            .Where(o => o.Shape.Kind is OperationKind.List or OperationKind.Get)
            .Select(o => o.Shape.Collection!)
            .Distinct(StringComparer.Ordinal);
        foreach (var collection in readable.ToList())
        {
            if (context.EntityOf(collection) is { } entity && context.Schemas[entity] is JsonObject schema) schema[EntityExtension] = true;
        }
    }

    private static JsonObject Derive(JsonObject entity, string dto, IReadOnlyList<string> serverFields)
    {
        var relations = RelationRule.RelationsOf(entity);
        var properties = new JsonObject();
        foreach (var (name, property) in (JsonObject)entity["properties"]!)
        {
            if (serverFields.Contains(name) || relations.Contains(name)) continue;
            properties[name] = property!.DeepClone();
        }
        var derived = new JsonObject { ["type"] = "object", ["properties"] = properties, [DtoExtension] = dto };
        if (dto == "create" && entity[CreateRequiredExtension] is JsonArray required)
        {
            OpenApiJson.SetRequired(derived, required.Select(r => r!.GetValue<string>()).Where(properties.ContainsKey));
        }
        return derived;
    }

    private static void MarkServerFieldsReadOnly(JsonObject entity, IReadOnlyList<string> serverFields)
    {
        foreach (var field in serverFields)
        {
            if (entity["properties"]?[field] is JsonObject property) property["readOnly"] = true;
        }
    }
}
