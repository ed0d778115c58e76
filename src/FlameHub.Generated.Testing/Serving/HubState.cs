using System.Globalization;
using System.Text.Json.Nodes;
using FlameHub.Testing.Model;

namespace FlameHub.Testing.Serving;

/// <summary>
/// Everything the fake holds: the entities of every collection of every service, the bytes of
/// uploaded files, the secrets of identities. One lock guards it all.
/// </summary>
internal sealed class HubState(TimeProvider clock)
{
    private readonly Dictionary<CollectionModel, List<JsonObject>> _entities = [];

    public object Gate { get; } = new();

    public TimeProvider Clock { get; } = clock;

    /// <summary>File bytes by the id of the entity an upload created.</summary>
    public FileStore Files { get; } = new(FileStore.DefaultMemoryLimit);

    /// <summary>Secrets by entity id: the password or secret an identity signs in with, which is no field the fake serves (<see cref="Credentials"/>).</summary>
    public Dictionary<string, string> Secrets { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<JsonObject> Of(CollectionModel collection)
    {
        if (!_entities.TryGetValue(collection, out var list)) _entities[collection] = list = [];
        return list;
    }

    public string Now() => Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string? Id(JsonObject entity) => ListQuery.Text(entity["id"]);

    public JsonObject? Find(CollectionModel collection, string id, string? lookupBy = null) =>
        Of(collection).FirstOrDefault(e => string.Equals(Id(e), id, StringComparison.OrdinalIgnoreCase))
        ?? (lookupBy is null ? null : Of(collection).FirstOrDefault(e => ListQuery.Text(e[lookupBy]) == id));

    /// <summary>
    /// A new entity of <paramref name="collection"/> from the sent fields: every scalar field of
    /// the entity schema, a new uuid id, created and updated times on the fake's clock, false for a
    /// boolean that is not nullable, 0 for such a number (a count such as a project's nodes), null for any other field that was not sent (the Hub answers
    /// every column of its entity).
    /// </summary>
    public JsonObject NewEntity(CollectionModel collection, JsonObject sent)
    {
        var now = Now();
        var entity = new JsonObject();
        foreach (var property in collection.Entity.Properties)
        {
            if (property.IncludedSchema is not null) continue;
            if (property.Key == "id") entity[property.Name] = Guid.NewGuid().ToString();
            else if (property.Key is "createdat" or "updatedat") entity[property.Name] = now;
            else if (sent.TryGetPropertyValue(property.Name, out var value)) entity[property.Name] = value?.DeepClone();
            else if (property.Type == "boolean" && !property.Nullable) entity[property.Name] = false;
            else if (property.Type is "integer" or "number" && !property.Nullable) entity[property.Name] = 0;
            else entity[property.Name] = null;
        }
        return entity;
    }
}
