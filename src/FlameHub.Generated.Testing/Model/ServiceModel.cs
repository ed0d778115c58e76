using System.Text.Json.Nodes;

namespace FlameHub.Testing.Model;

/// <summary>One service of the release, read from its normalized OpenAPI document.</summary>
internal sealed class ServiceModel
{
    private ServiceModel(string name, IReadOnlyDictionary<string, CollectionModel> collections, IReadOnlyList<ActionModel> actions, bool hasTokenEndpoint, string? tokenPath)
    {
        Name = name;
        Collections = collections;
        Actions = actions;
        HasTokenEndpoint = hasTokenEndpoint;
        TokenPath = tokenPath;
    }

    public string Name { get; }

    /// <summary>By the first path segment, <c>nodes</c> for <c>/nodes</c>.</summary>
    public IReadOnlyDictionary<string, CollectionModel> Collections { get; }

    /// <summary>The actions on one entity beyond CRUD and transfers, such as <c>/analyses/{id}/command</c>.</summary>
    public IReadOnlyList<ActionModel> Actions { get; }

    public bool HasTokenEndpoint { get; }

    /// <summary>
    /// The release's services from the documents embedded in this assembly, read once per process:
    /// the models are not changed after they are read, so every FakeHub shares them.
    /// </summary>
    public static IReadOnlyDictionary<string, ServiceModel> Embedded => EmbeddedServices.Value;

    private static readonly Lazy<IReadOnlyDictionary<string, ServiceModel>> EmbeddedServices = new(() =>
        EmbeddedData.Services.ToDictionary(s => s, s => Read(s, EmbeddedData.Document(s)), StringComparer.Ordinal));

    /// <summary>The token endpoint's path without its leading <c>/</c>, <c>token</c>.</summary>
    public string? TokenPath { get; }

    private static ServiceModel Read(string name, JsonObject document)
    {
        var schemas = document["components"]?["schemas"]?.AsObject() ?? [];
        SchemaModel? Schema(string? schemaName) =>
            schemaName is not null && schemas[schemaName] is JsonObject schema ? SchemaModel.Read(schemaName, schema, schemas) : null;
        var collections = new Dictionary<string, CollectionModel>(StringComparer.Ordinal);
        var actions = new List<ActionModel>();
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
                if (kind == "action" && operation["x-flamehub-transfer"] is null && segments.Length == 3 && segments[1].StartsWith('{') && segments[0] == resource)
                {
                    var body = Schema(SchemaModel.RefName(operation["requestBody"]?["content"]?["application/json"]?["schema"] as JsonObject));
                    actions.Add(new ActionModel(name, resource, segments[2], method.ToUpperInvariant(), body, Answer(operation)));
                    continue;
                }
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
        return new ServiceModel(name, collections, actions, tokenPath is not null, tokenPath);
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
