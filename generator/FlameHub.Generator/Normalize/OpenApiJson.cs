using System.Text.Json.Nodes;

namespace FlameHub.Generator.Normalize;

/// <summary>Reading and writing the pieces of an OpenAPI 3.0 document held as JSON nodes.</summary>
public static class OpenApiJson
{
    public const string SchemaPrefix = "#/components/schemas/";

    public static JsonObject Ref(string schemaName) => new() { ["$ref"] = SchemaPrefix + schemaName };

    public static string? RefName(JsonNode? schema) =>
        schema is JsonObject o && o["$ref"]?.GetValue<string>() is { } r && r.StartsWith(SchemaPrefix, StringComparison.Ordinal)
            ? r[SchemaPrefix.Length..]
            : null;

    public static JsonObject Schemas(JsonObject document)
    {
        var components = document["components"] as JsonObject ?? (JsonObject)(document["components"] = new JsonObject());
        return components["schemas"] as JsonObject ?? (JsonObject)(components["schemas"] = new JsonObject());
    }

    public static JsonObject? Schema(JsonObject document, string name) => Schemas(document)[name] as JsonObject;

    public static IEnumerable<Operation> Operations(JsonObject document)
    {
        if (document["paths"] is not JsonObject paths) yield break;
        foreach (var (path, item) in paths.ToList())
        {
            if (item is not JsonObject pathItem) continue;
            foreach (var (method, op) in pathItem.ToList())
            {
                if (HubDocumentFacts.HttpMethods.Contains(method) && op is JsonObject operation)
                {
                    yield return new Operation(path, method, operation, pathItem);
                }
            }
        }
    }

    /// <summary>The JSON schema of a response's (or request body's) JSON content.</summary>
    public static JsonObject? JsonContentSchema(JsonNode? responseOrBody) =>
        responseOrBody?["content"]?["application/json"]?["schema"] as JsonObject;

    /// <summary>The lowest 2xx response of an operation, or null.</summary>
    public static (string Status, JsonObject Response)? SuccessResponse(JsonObject operation) =>
        (operation["responses"] as JsonObject)?
            .Where(r => r.Key.StartsWith('2') && r.Value is JsonObject)
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => ((string, JsonObject)?)(r.Key, (JsonObject)r.Value!))
            .FirstOrDefault();

    public static JsonObject JsonContent(JsonNode schema) =>
        new() { ["application/json"] = new JsonObject { ["schema"] = schema } };

    public static List<string> RequiredOf(JsonObject schema) =>
        (schema["required"] as JsonArray)?.Select(n => n!.GetValue<string>()).ToList() ?? [];

    public static void SetRequired(JsonObject schema, IEnumerable<string> names)
    {
        var list = names.Distinct().ToList();
        if (list.Count == 0) schema.Remove("required");
        else schema["required"] = new JsonArray(list.Select(n => (JsonNode)n).ToArray());
    }

    /// <summary>Every node below <paramref name="node"/>, the node itself included.</summary>
    public static IEnumerable<JsonNode> Descendants(JsonNode? node)
    {
        if (node is null) yield break;
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.ToList())
        {
            foreach (var d in Descendants(child)) yield return d;
        }
    }
}

/// <summary>One operation of a document, with the path item that holds it.</summary>
public sealed record Operation(string Path, string Method, JsonObject Node, JsonObject PathItem)
{
    public OperationShape Shape { get; } = OperationShape.Of(Method, Path);

    public string? OperationId
    {
        get => Node["operationId"]?.GetValue<string>();
        set => Node["operationId"] = value;
    }

    public override string ToString() => $"{Method.ToUpperInvariant()} {Path}";
}
