using System.Text.Json.Nodes;
using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Rules;

/// <summary>
/// From Hub 0.14 a single record may come wrapped as <c>{"data": {...}, "meta": {...}}</c>. Where
/// a document declares an operation's success response so (an object of exactly <c>data</c>, a
/// reference to an object schema, and <c>meta</c>), the response becomes the record itself and the
/// operation is marked <c>x-flamehub-envelope: data</c>, for the client to unwrap at run time.
/// An operation that is no list but answers <c>{"data": [...], "meta"}</c> (a sub-resource such as
/// <c>GET /analyses/{id}/client/permissions</c>) answers the array the same way: the client
/// unwraps <c>data</c>, there is no paging. Nothing is unwrapped that the document does not
/// declare wrapped; lists are <see cref="ListEnvelopeRule"/>'s.
/// </summary>
public sealed class SingleRecordEnvelopeRule : INormalizationRule
{
    public const string Extension = "x-flamehub-envelope";

    public void Apply(NormalizationContext context)
    {
        foreach (var op in context.Operations)
        {
            var unwrapped = false;
            foreach (var (status, response) in op.Node["responses"] as JsonObject ?? [])
            {
                if (!status.StartsWith('2') || response?["content"]?["application/json"] is not JsonObject media) continue;
                if (RecordOf(context, media["schema"]) is { } record)
                {
                    media["schema"] = OpenApiJson.Ref(record);
                    unwrapped = true;
                }
                else if (op.Shape.Kind != OperationKind.List && RecordsOf(context, media["schema"]) is { } items)
                {
                    media["schema"] = new JsonObject { ["type"] = "array", ["items"] = OpenApiJson.Ref(items) };
                    unwrapped = true;
                }
            }
            if (unwrapped) op.Node[Extension] = "data";
        }
    }

    /// <summary>The item schema of a <c>{data: [...], meta}</c> envelope, or null.</summary>
    private static string? RecordsOf(NormalizationContext context, JsonNode? schema)
    {
        var envelope = OpenApiJson.RefName(schema) is { } name ? context.Schemas[name] : schema;
        if (envelope?["properties"] is not JsonObject properties || properties.Count != 2 || !properties.ContainsKey("meta")) return null;
        var data = properties["data"];
        return data?["type"]?.GetValue<string>() == "array" && OpenApiJson.RefName(data["items"]) is { } item && context.Schemas[item] is JsonObject
            ? item
            : null;
    }

    /// <summary>The record schema inside a <c>{data, meta}</c> envelope, or null if the schema is no such envelope.</summary>
    private static string? RecordOf(NormalizationContext context, JsonNode? schema)
    {
        var envelope = OpenApiJson.RefName(schema) is { } name ? context.Schemas[name] : schema;
        if (envelope?["properties"] is not JsonObject properties || properties.Count != 2 || !properties.ContainsKey("meta")) return null;
        var data = properties["data"];
        var record = OpenApiJson.RefName(data) ?? OpenApiJson.RefName(data?["allOf"]?[0]);
        return record is not null && context.Schemas[record] is JsonObject target
            && (target["properties"] is not null || target["type"]?.GetValue<string>() == "object"
                || target.ContainsKey("allOf") || target.ContainsKey("anyOf") || target.ContainsKey("oneOf"))
            ? record
            : null;
    }
}
