using System.Text.Json.Nodes;
using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Rules;

/// <summary>
/// An object written inline as a request body or response (a command's <c>{command}</c>)
/// becomes a named schema after its operation, <c>RunAnalysisCommandRequest</c> or
/// <c>…Response</c>, instead of NSwag's <c>Body2</c>. A multipart body stays inline: its parts
/// are files the client streams itself, not an object it serializes.
/// </summary>
public sealed class InlineSchemaNamingRule : INormalizationRule
{
    public void Apply(NormalizationContext context)
    {
        foreach (var op in context.Operations)
        {
            var name = Words.Pascal(op.OperationId!);
            foreach (var (mediaType, media) in (op.Node["requestBody"]?["content"] as JsonObject ?? []).ToList())
            {
                if (mediaType.StartsWith("multipart/", StringComparison.Ordinal)) continue;
                Hoist(context, media as JsonObject, name + "Request");
            }
            foreach (var (_, response) in (op.Node["responses"] as JsonObject ?? []).ToList())
            {
                foreach (var (_, media) in (response?["content"] as JsonObject ?? []).ToList())
                {
                    Hoist(context, media as JsonObject, name + "Response");
                }
            }
        }
    }

    private static void Hoist(NormalizationContext context, JsonObject? media, string name)
    {
        if (media?["schema"] is not JsonObject schema || schema.ContainsKey("$ref")) return;
        if (schema["properties"] is not JsonObject { Count: > 0 }) return;
        if (context.Schemas[name] is { } existing && !JsonNode.DeepEquals(existing, schema))
        {
            throw new GeneratorException($"{context.Service}: an inline schema needs the name '{name}', which another schema has.");
        }
        context.Schemas[name] = schema.DeepClone();
        media["schema"] = OpenApiJson.Ref(name);
    }
}
