using System.Text.Json.Nodes;

namespace FlameHub.Testing.Model;

/// <summary>
/// An operation a document declares on one entity beyond CRUD and transfers (<c>x-flamehub-kind: action</c>
/// on <c>/{resource}/{id}/{segment}</c>), such as a command: its request body schema and its answer.
/// </summary>
internal sealed record ActionModel(string Service, string Resource, string Segment, string Method, SchemaModel? Body, OperationModel Answer)
{
    private static readonly Lazy<IReadOnlyList<ActionModel>> Embedded = new(() =>
        EmbeddedData.Services.SelectMany(service => Read(service, EmbeddedData.Document(service))).ToArray());

    /// <summary>The actions of the release's embedded documents, read once.</summary>
    public static IReadOnlyList<ActionModel> All => Embedded.Value;

    public static IEnumerable<ActionModel> Read(string service, JsonObject document)
    {
        var schemas = document["components"]?["schemas"]?.AsObject() ?? [];
        foreach (var (path, item) in document["paths"]?.AsObject() ?? [])
        {
            var segments = path.Trim('/').Split('/');
            if (segments.Length != 3 || !segments[1].StartsWith('{')) continue;
            foreach (var (method, node) in item?.AsObject() ?? [])
            {
                if (node is not JsonObject operation || operation["x-flamehub-kind"]?.GetValue<string>() != "action") continue;
                if (operation["x-flamehub-transfer"] is not null || operation["x-flamehub-resource"]?.GetValue<string>() != segments[0]) continue;
                var bodyName = SchemaModel.RefName(operation["requestBody"]?["content"]?["application/json"]?["schema"] as JsonObject);
                var body = bodyName is not null && schemas[bodyName] is JsonObject schema ? SchemaModel.Read(bodyName, schema, schemas) : null;
                var status = (operation["responses"]?.AsObject() ?? []).Select(r => int.TryParse(r.Key, out var code) ? code : 0)
                    .Where(code => code is >= 200 and < 300).DefaultIfEmpty(200).Min();
                var answer = new OperationModel(status, operation["x-flamehub-envelope"]?.GetValue<string>() == "data");
                yield return new ActionModel(service, segments[0], segments[2], method.ToUpperInvariant(), body, answer);
            }
        }
    }
}
