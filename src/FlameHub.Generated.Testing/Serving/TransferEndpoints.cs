using System.Security.Cryptography;
using System.Text.Json.Nodes;
using FlameHub.Testing.Model;

namespace FlameHub.Testing.Serving;

/// <summary>
/// The upload and download transfers a document declares (<c>x-flamehub-transfer</c>). An upload
/// stores one entity of the action's item schema per file part, its path the part's filename,
/// name and directory the path's basename and dirname (<c>.</c> at the top), its size and sha256
/// hash, and the owner's id in the field named after the owner's schema (<c>bucket_id</c>). A
/// download answers the stored bytes as they were sent. Callers hold <see cref="HubState.Gate"/>.
/// </summary>
internal sealed class TransferEndpoints(HubState state, FakeQuirks quirks, Func<string, CollectionModel?> bySchema)
{
    public HttpResponseMessage Upload(CollectionModel owner, string id, byte[] body, string? boundary)
    {
        var (_, itemSchema, answer) = owner.Upload!.Value;
        if (state.Find(owner, id) is not { } parent) return Answer.Error(quirks.Error(owner.Service, "notFound"));
        if (bySchema(itemSchema) is not { } items) return Answer.Error(quirks.Error(owner.Service, "notFound"));
        var parts = Multipart.Read(body, boundary);
        if (parts is null || parts.Count == 0) return Answer.Error(quirks.Error(owner.Service, "validation"), ["files"]);
        var created = new List<JsonObject>();
        foreach (var part in parts)
        {
            var path = part.FileName.Replace('\\', '/');
            var slash = path.LastIndexOf('/');
            var sent = new JsonObject();
            void Set(string key, JsonNode? value)
            {
                if (items.Entity.ByKey(key) is { } property) sent[property.Name] = value;
            }
            Set("path", path);
            Set("name", slash < 0 ? path : path[(slash + 1)..]);
            Set("directory", slash < 0 ? "." : path[..slash]);
            Set("size", part.Content.Length);
            Set("hash", Convert.ToHexString(SHA256.HashData(part.Content)).ToLowerInvariant());
            Set(PropertyModel.Normal(owner.Entity.Name) + "id", HubState.Id(parent));
            var entity = state.NewEntity(items, sent);
            state.Of(items).Add(entity);
            state.Files[HubState.Id(entity)!] = part.Content;
            created.Add(entity.DeepClone().AsObject());
        }
        return Answer.List(answer.Status, created, new JsonObject { ["total"] = created.Count });
    }

    public HttpResponseMessage Download(CollectionModel collection, string id)
    {
        if (state.Find(collection, id) is null || !state.Files.TryGetValue(id, out var content))
            return Answer.Error(quirks.Error(collection.Service, "notFound"));
        return Answer.Bytes(content, collection.Download!.Value.ContentType);
    }
}
