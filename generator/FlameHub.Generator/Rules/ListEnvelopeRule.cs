using System.Text.Json.Nodes;
using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Rules;

/// <summary>
/// A list answers <c>{"data": [...], "meta": {"total", "limit", "offset"}}</c>, not the bare
/// array the documents declare. Each list gets a <c>{Entity}List</c> schema over one shared
/// <c>ListMeta</c>. Authup leaves out <c>limit</c>/<c>offset</c> when no page was asked for.
/// </summary>
public sealed class ListEnvelopeRule : INormalizationRule
{
    public const string MetaSchema = "ListMeta";

    public void Apply(NormalizationContext context)
    {
        foreach (var op in context.Operations.Where(o => o.Shape.Kind == OperationKind.List))
        {
            if (OpenApiJson.SuccessResponse(op.Node) is not { } success) continue;
            var schema = OpenApiJson.JsonContentSchema(success.Response);
            if (schema?["type"]?.GetValue<string>() != "array") continue;
            success.Response["content"] = OpenApiJson.JsonContent(Envelope(context, schema["items"]!));
        }
    }

    /// <summary>The envelope schema for lists of <paramref name="items"/>, created once per entity.</summary>
    public static JsonObject Envelope(NormalizationContext context, JsonNode items)
    {
        EnsureMeta(context);
        var entity = OpenApiJson.RefName(items);
        var envelope = new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray("data", "meta"),
            ["properties"] = new JsonObject
            {
                ["data"] = new JsonObject { ["type"] = "array", ["items"] = items.DeepClone() },
                ["meta"] = OpenApiJson.Ref(MetaSchema),
            },
        };
        if (entity is null) return envelope;

        var name = entity + "List";
        if (context.Schemas[name] is { } existing && OpenApiJson.RefName(existing["properties"]?["data"]?["items"]) != entity)
        {
            throw new GeneratorException($"{context.Service}: the schema '{name}' exists already; the list envelope of '{entity}' needs that name.");
        }
        context.Schemas[name] = envelope;
        return OpenApiJson.Ref(name);
    }

    private static void EnsureMeta(NormalizationContext context)
    {
        if (context.Schemas.ContainsKey(MetaSchema)) return;
        context.Schemas[MetaSchema] = new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray("total"),
            ["properties"] = new JsonObject
            {
                ["total"] = new JsonObject { ["type"] = "integer", ["format"] = "int32" },
                ["limit"] = new JsonObject { ["type"] = "integer", ["format"] = "int32" },
                ["offset"] = new JsonObject { ["type"] = "integer", ["format"] = "int32" },
            },
        };
    }
}
