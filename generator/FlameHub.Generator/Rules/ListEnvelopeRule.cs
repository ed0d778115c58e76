using System.Text.Json.Nodes;
using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Rules;

/// <summary>
/// A list answers <c>{"data": [...], "meta": {"total", "limit", "offset"}}</c>, whether the
/// document declares the bare array (Hub 0.8) or the envelope. The client reads every envelope
/// the same way (<c>HubList&lt;T&gt;</c> over one <c>ListMeta</c>), so no per-entity envelope
/// type is generated: the response is the array of items and the operation is marked
/// <c>x-flamehub-envelope: list</c>. Authup leaves out <c>limit</c>/<c>offset</c> when no page was asked for.
/// </summary>
public sealed class ListEnvelopeRule : INormalizationRule
{
    public const string Marker = "list";

    public void Apply(NormalizationContext context)
    {
        foreach (var op in context.Operations.Where(o => o.Shape.Kind == OperationKind.List))
        {
            if (OpenApiJson.SuccessResponse(op.Node) is not { } success) continue;
            if (ItemsOf(context, OpenApiJson.JsonContentSchema(success.Response)) is not { } items) continue;
            Unwrap(op, success.Response, items);
        }
    }

    /// <summary>Makes <paramref name="response"/> the array of <paramref name="items"/> and marks the operation's answer as enveloped.</summary>
    public static void Unwrap(Operation op, JsonObject response, JsonNode items)
    {
        response["content"] = OpenApiJson.JsonContent(new JsonObject { ["type"] = "array", ["items"] = items.DeepClone() });
        op.Node[SingleRecordEnvelopeRule.Extension] = Marker;
    }

    /// <summary>The items of a list answer: of a bare array, or of a declared <c>{data: [...], meta}</c> envelope; null for anything else.</summary>
    public static JsonNode? ItemsOf(NormalizationContext context, JsonObject? schema)
    {
        if (schema?["type"]?.GetValue<string>() == "array") return schema["items"];
        var envelope = OpenApiJson.RefName(schema) is { } name ? context.Schemas[name] : schema;
        return envelope?["properties"] is JsonObject { Count: 2 } properties && properties.ContainsKey("meta")
            && properties["data"]?["type"]?.GetValue<string>() == "array"
            ? properties["data"]!["items"]
            : null;
    }
}
