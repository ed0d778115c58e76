using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using FlameHub.Testing.Model;

namespace FlameHub.Testing.Serving;

/// <summary>
/// The upload and download transfers a document declares (<c>x-flamehub-transfer</c>). An upload
/// stores one entity of the action's item schema per file part, its path the part's filename,
/// name and directory the path's basename and dirname (<c>.</c> at the top), its size and sha256
/// hash, and the owner's id in the field named after the owner's schema (<c>bucket_id</c>). A
/// download of a stored item answers its bytes as they were sent; a download of an owner (a
/// collection with an upload) answers its items as a tar. Content types, the owner's delete with
/// items left and the archive's entry names are the release's (<c>transfers</c> in fake.json).
/// Callers hold <see cref="HubState.Gate"/>.
/// </summary>
internal sealed class TransferEndpoints(HubState state, FakeQuirks quirks, Func<string, CollectionModel?> bySchema)
{
    private readonly TransferQuirks _transfers = quirks.Transfers;

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
            Set("size", part.Content.Count);
            Set("hash", Convert.ToHexString(SHA256.HashData(part.Content)).ToLowerInvariant());
            Set(OwnerKey(owner), HubState.Id(parent));
            var entity = state.NewEntity(items, sent);
            state.Of(items).Add(entity);
            state.Files.Put(HubState.Id(entity)!, part.Content, part.ContentType);
            created.Add(entity.DeepClone().AsObject());
        }
        return Answer.List(answer.Status, created, new JsonObject { ["total"] = created.Count });
    }

    public HttpResponseMessage Download(CollectionModel collection, string id)
    {
        var notFound = Answer.Error(quirks.Error(collection.Service, "notFound"));
        if (state.Find(collection, id, collection.LookupBy) is not { } entity || HubState.Id(entity) is not { } entityId) return notFound;
        if (Items(collection) is { } items) return Archive(collection, entity, items);
        if (state.Files.Open(entityId) is not { } content) return notFound;
        var name = ListQuery.Text(entity[collection.Entity.ByKey("name")?.Name ?? "name"]);
        return Streamed(content, _transfers.File.ContentType ?? state.Files.ContentType(entityId), _transfers.File.DispositionFor(name, entityId));
    }

    /// <summary>
    /// Before an owner of uploaded files is deleted: a refusal when it still holds files and the
    /// release refuses that; otherwise its files go first. Null when the delete may go on.
    /// </summary>
    public HttpResponseMessage? BeforeDelete(CollectionModel collection, string id)
    {
        if (Items(collection) is not { } items || state.Find(collection, id) is not { } owner) return null;
        var held = Held(collection, owner, items).ToList();
        if (held.Count == 0) return null;
        if (_transfers.RefuseNonEmptyDelete is { } refusal) return Answer.Error(refusal);
        foreach (var item in held)
        {
            state.Of(items).Remove(item);
            state.Files.Remove(HubState.Id(item)!);
        }
        return null;
    }

    private HttpResponseMessage Archive(CollectionModel owner, JsonObject entity, CollectionModel items)
    {
        var entryName = items.Entity.ByKey(_transfers.EntryNameKey)?.Name;
        var entries = new List<TarEntry>();
        foreach (var item in Held(owner, entity, items))
        {
            var itemId = HubState.Id(item)!;
            if (state.Files.Open(itemId) is not { } content) continue;
            entries.Add(new TarEntry(ListQuery.Text(entryName is null ? null : item[entryName]) ?? itemId, state.Files.Length(itemId), content));
        }
        var id = HubState.Id(entity);
        return Streamed(new TarStream(entries, state.Clock.GetUtcNow()), _transfers.Archive.ContentType, _transfers.Archive.DispositionFor(id, id));
    }

    private static HttpResponseMessage Streamed(Stream content, string? contentType, string? disposition)
    {
        var body = new StreamContent(content);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? "application/octet-stream");
        if (disposition is not null) body.Headers.TryAddWithoutValidation("Content-Disposition", disposition);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = body };
    }

    /// <summary>The collection an owner's upload creates; null for a collection without an upload.</summary>
    private CollectionModel? Items(CollectionModel owner) => owner.Upload is { } upload ? bySchema(upload.ItemSchema) : null;

    /// <summary>The items an owner's uploads created: those whose owner field holds its id.</summary>
    private IEnumerable<JsonObject> Held(CollectionModel owner, JsonObject entity, CollectionModel items)
    {
        if (items.Entity.ByKey(OwnerKey(owner))?.Name is not { } field) return [];
        var id = HubState.Id(entity);
        return state.Of(items).Where(e => string.Equals(ListQuery.Text(e[field]), id, StringComparison.OrdinalIgnoreCase));
    }

    private static string OwnerKey(CollectionModel owner) => PropertyModel.Normal(owner.Entity.Name) + "id";
}
