using System.Text.Json.Nodes;

namespace FlameHub.Testing.Model;

/// <summary>One service of the release, read from its normalized OpenAPI document.</summary>
internal sealed class ServiceModel
{
    private ServiceModel(string name, IReadOnlyDictionary<string, CollectionModel> collections, bool hasTokenEndpoint, string? tokenPath)
    {
        Name = name;
        Collections = collections;
        HasTokenEndpoint = hasTokenEndpoint;
        TokenPath = tokenPath;
    }

    public string Name { get; }

    /// <summary>By the first path segment, <c>nodes</c> for <c>/nodes</c>.</summary>
    public IReadOnlyDictionary<string, CollectionModel> Collections { get; }

    public bool HasTokenEndpoint { get; }

    /// <summary>The token endpoint's path without its leading <c>/</c>, <c>token</c>.</summary>
    public string? TokenPath { get; }

    public static ServiceModel Read(string name, JsonObject document)
    {
        var schemas = document["components"]?["schemas"]?.AsObject() ?? [];
        SchemaModel? Schema(string? schemaName) =>
            schemaName is not null && schemas[schemaName] is JsonObject schema ? SchemaModel.Read(schemaName, schema, schemas) : null;
        var collections = new Dictionary<string, CollectionModel>(StringComparer.Ordinal);
        string? tokenPath = null;
        foreach (var (path, item) in document["paths"]?.AsObject() ?? [])
        {
            var segments = path.Trim('/').Split('/');
            foreach (var (method, node) in item?.AsObject() ?? [])
            {
                if (node is not JsonObject operation) continue;
                var kind = operation["x-flamehub-kind"]?.GetValue<string>();
                if (kind == "token" && method == "post") tokenPath = path.TrimStart('/');
                var resource = operation["x-flamehub-resource"]?.GetValue<string>();
                var entityName = operation["x-flamehub-entity-schema"]?.GetValue<string>();
                if (resource is null || entityName is null || segments[0] != resource) continue;
                if (!collections.TryGetValue(resource, out var collection))
                {
                    if (Schema(entityName) is not { } entity) continue;
                    collections[resource] = collection = new CollectionModel(name, resource, entity);
                }
                var answer = Answer(operation);
                switch (kind, method, segments.Length)
                {
                    case ("list", "get", 1):
                        collection.List = answer;
                        collection.Includes = Includes(operation);
                        break;
                    case ("create", "post", 1):
                        collection.Create = answer;
                        collection.CreateBody = Schema(SchemaModel.RefName(operation["requestBody"]?["content"]?["application/json"]?["schema"] as JsonObject));
                        break;
                    case ("get", "get", 2):
                        collection.Get = answer;
                        collection.LookupBy = operation["x-flamehub-lookup-by"]?.GetValue<string>();
                        if (collection.Includes.Count == 0) collection.Includes = Includes(operation);
                        break;
                    case ("update", "post" or "patch", 2):
                        collection.Update = answer;
                        break;
                    case ("delete", "delete", 2):
                        collection.Delete = answer;
                        break;
                    case ("action", "post", 3) when operation["x-flamehub-transfer"]?.GetValue<string>() == "upload":
                        collection.Upload = (segments[2], operation["x-flamehub-item-schema"]?.GetValue<string>() ?? entityName, answer);
                        break;
                    case ("action", "get", 3) when operation["x-flamehub-transfer"]?.GetValue<string>() == "download":
                        var content = operation["responses"]?["200"]?["content"]?.AsObject();
                        collection.Download = (segments[2], content?.Select(c => c.Key).FirstOrDefault() ?? "application/octet-stream");
                        break;
                }
            }
        }
        return new ServiceModel(name, collections, tokenPath is not null, tokenPath);
    }

    private static OperationModel Answer(JsonObject operation)
    {
        var status = (operation["responses"]?.AsObject() ?? []).Select(r => int.TryParse(r.Key, out var code) ? code : 0)
            .Where(code => code is >= 200 and < 300).DefaultIfEmpty(200).Min();
        return new OperationModel(status, operation["x-flamehub-envelope"]?.GetValue<string>() == "data");
    }

    private static IReadOnlyList<string> Includes(JsonObject operation) =>
        (operation["x-flamehub-includes"] as JsonArray)?.Select(i => i!.GetValue<string>()).ToArray() ?? [];
}
