using System.Text.Json.Nodes;
using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Rules;

/// <summary>Finding and rewriting <c>$ref</c>s to component schemas.</summary>
public static class SchemaReferences
{
    /// <summary>Operation extensions whose value is one schema's name.</summary>
    public static readonly string[] OperationExtensions = [ResourceIdRule.EntitySchemaExtension, StorageTransferRule.ItemSchemaExtension];

    public static void Rename(JsonNode root, IReadOnlyDictionary<string, string> renames)
    {
        if (renames.Count == 0) return;
        foreach (var node in OpenApiJson.Descendants(root).OfType<JsonObject>())
        {
            if (OpenApiJson.RefName(node) is { } name && renames.TryGetValue(name, out var target))
            {
                node["$ref"] = OpenApiJson.SchemaPrefix + target;
            }
        }
    }

    /// <summary>
    /// Renames component schemas everywhere a document names them: the schemas themselves, every
    /// <c>$ref</c>, the operations' schema extensions and the list of shared schemas.
    /// </summary>
    public static void RenameSchemas(JsonObject document, IReadOnlyDictionary<string, string> renames)
    {
        if (renames.Count == 0) return;
        var schemas = OpenApiJson.Schemas(document);
        foreach (var (name, schema) in schemas.ToList())
        {
            if (!renames.TryGetValue(name, out var target)) continue;
            schemas.Remove(name);
            schemas[target] = schema;
        }
        Rename(document, renames);
        foreach (var op in OpenApiJson.Operations(document))
        {
            foreach (var extension in OperationExtensions)
            {
                if (op.Node[extension]?.GetValue<string>() is { } name && renames.TryGetValue(name, out var target)) op.Node[extension] = target;
            }
        }
        if (document[SharedSchemaRule.Extension] is JsonArray shared)
        {
            document[SharedSchemaRule.Extension] = new JsonArray(shared
                .Select(n => n!.GetValue<string>()).Select(n => (JsonNode)renames.GetValueOrDefault(n, n)).ToArray());
        }
    }

    public static IEnumerable<string> In(JsonNode? root) =>
        OpenApiJson.Descendants(root).Select(OpenApiJson.RefName).OfType<string>();
}
