using System.Text.Json.Nodes;
using FlameHub.Testing.Model;

namespace FlameHub.Testing.Serving;

/// <summary>
/// Generic create, get, update, delete and list over any collection a document declares; what
/// answers look like (status, envelope, error bodies, page limits, unique fields) comes from the
/// documents and the release's fake.json. Callers hold <see cref="HubState.Gate"/>.
/// </summary>
internal sealed class CollectionEndpoints(HubState state, FakeQuirks quirks, Func<string, CollectionModel?> bySchema, Func<string, CollectionModel?> byEntityKey)
{
    public HttpResponseMessage Create(CollectionModel collection, OperationModel operation, JsonObject? body)
    {
        body ??= [];
        if (Invalid(collection, body, collection.CreateBody?.Required ?? []) is { Length: > 0 } invalid)
            return Answer.Error(quirks.Error(collection.Service, "validation"), invalid);
        if (MissingReference(collection, body) is { } refused) return refused;
        var entity = state.NewEntity(collection, body);
        if (Conflicts(collection, entity, null)) return Answer.Error(quirks.Error(collection.Service, "conflict"));
        state.Of(collection).Add(entity);
        if (ListQuery.Text(body["password"]) is { } password) state.Passwords[HubState.Id(entity)!] = password;
        return Answer.Record(operation, entity.DeepClone().AsObject());
    }

    public HttpResponseMessage Get(CollectionModel collection, OperationModel operation, string id, ListQuery query)
    {
        if (state.Find(collection, id, collection.LookupBy) is not { } entity) return NotFound(collection);
        return Answer.Record(operation, Included(collection, entity, query));
    }

    /// <summary>Only the sent fields change; a field sent as null is cleared.</summary>
    public HttpResponseMessage Update(CollectionModel collection, OperationModel operation, string id, JsonObject? body)
    {
        if (state.Find(collection, id) is not { } entity) return NotFound(collection);
        if (Invalid(collection, body ?? [], []) is { Length: > 0 } invalid) return Answer.Error(quirks.Error(collection.Service, "validation"), invalid);
        var changed = entity.DeepClone().AsObject();
        foreach (var (name, value) in body ?? [])
        {
            var property = collection.Entity.ByName(name);
            if (property is null || property.ReadOnly || property.IncludedSchema is not null || property.Key is "id" or "createdat" or "updatedat") continue;
            changed[name] = value?.DeepClone();
        }
        if (collection.Entity.Properties.FirstOrDefault(p => p.Key == "updatedat") is { } updated) changed[updated.Name] = state.Now();
        if (Conflicts(collection, changed, entity)) return Answer.Error(quirks.Error(collection.Service, "conflict"));
        var list = state.Of(collection);
        list[list.IndexOf(entity)] = changed;
        return Answer.Record(operation, changed.DeepClone().AsObject());
    }

    public HttpResponseMessage Delete(CollectionModel collection, OperationModel operation, string id)
    {
        if (state.Find(collection, id) is not { } entity) return NotFound(collection);
        state.Of(collection).Remove(entity);
        state.Files.Remove(id);
        return Answer.Record(operation, entity.DeepClone().AsObject());
    }

    public HttpResponseMessage List(CollectionModel collection, OperationModel operation, ListQuery query)
    {
        var matching = query.Sorted(state.Of(collection).Where(e => query.Matches(e, collection.Entity)), collection.Entity).ToList();
        var limit = Math.Clamp(query.Limit ?? quirks.DefaultPageSize, 0, quirks.MaxPageSize);
        var page = matching.Skip(query.Offset).Take(limit).Select(e => Included(collection, e, query)).ToList();
        var meta = new JsonObject { ["total"] = matching.Count, ["limit"] = limit, ["offset"] = query.Offset };
        return Answer.List(operation.Status, page, meta);
    }

    /// <summary>
    /// The sent fields the release refuses, in the body schema's order: a required one missing or
    /// empty, a value outside the document's enum, a uuid field that holds no uuid, a text shorter
    /// than the release's minimum (fake.json).
    /// </summary>
    private string[] Invalid(CollectionModel collection, JsonObject body, IReadOnlyList<string> required)
    {
        var schema = collection.CreateBody ?? collection.Entity;
        var minimum = quirks.MinLengths(collection.Resource);
        bool Refused(string name)
        {
            var text = ListQuery.Text(body[name]);
            if (required.Contains(name) && text is null or "") return true;
            if (text is null) return false;
            var property = schema.ByName(name) ?? collection.Entity.ByName(name);
            if (property?.Enum is { } allowed && !allowed.Contains(text)) return true;
            if (property?.Format == "uuid" && !Guid.TryParse(text, out _)) return true;
            return minimum.TryGetValue(name, out var length) && text.Length < length;
        }
        var names = schema.Properties.Select(p => p.Name).Concat(required).Concat(body.Select(f => f.Key)).Distinct();
        return names.Where(Refused).ToArray();
    }

    public HttpResponseMessage NotFound(CollectionModel collection) => Answer.Error(quirks.Error(collection.Service, "notFound"));

    /// <summary>
    /// A copy with the asked relations embedded (all the includable ones when the request names none,
    /// as the library asks for them by default): relation <c>r</c> is the entity of the relation's
    /// schema whose id is in the field <c>r_id</c> / <c>rId</c>.
    /// </summary>
    private JsonObject Included(CollectionModel collection, JsonObject entity, ListQuery query)
    {
        var copy = entity.DeepClone().AsObject();
        foreach (var relation in query.Include ?? [])
        {
            var property = collection.Entity.ByName(relation);
            if (property?.IncludedSchema is null || bySchema(property.IncludedSchema) is not { } target) continue;
            var key = collection.Entity.ByKey(property.Key + "id");
            var related = key is null || ListQuery.Text(entity[key.Name]) is not { } id ? null : state.Find(target, id);
            copy[property.Name] = related?.DeepClone();
        }
        return copy;
    }

    /// <summary>
    /// A sent uuid field <c>x_id</c> / <c>xId</c> names an entity of the collection whose schema is
    /// the relation <c>x</c>'s (or is named <c>X</c>); one that does not exist refuses the create with
    /// the release's answer, which can differ when the entity lives in another service.
    /// </summary>
    private HttpResponseMessage? MissingReference(CollectionModel collection, JsonObject body)
    {
        foreach (var (name, value) in body)
        {
            var property = collection.Entity.ByName(name);
            if (property is null || property.Format != "uuid" || property.Key == "id" || !property.Key.EndsWith("id", StringComparison.Ordinal)) continue;
            if (ListQuery.Text(value) is not { } id) continue;
            var relation = property.Key[..^2];
            var target = collection.Entity.ByKey(relation)?.IncludedSchema is { } schema ? bySchema(schema) : byEntityKey(relation);
            if (target is null || state.Find(target, id) is not null) continue;
            var kind = target.Service == collection.Service ? "referenceMissing" : "foreignReferenceMissing";
            var wireRelation = name.EndsWith("_id", StringComparison.Ordinal) ? name[..^3] : name.EndsWith("Id", StringComparison.Ordinal) ? name[..^2] : name;
            return Answer.Error(quirks.Error(collection.Service, kind), values: new Dictionary<string, string> { ["relation"] = wireRelation, ["field"] = name });
        }
        return null;
    }

    private bool Conflicts(CollectionModel collection, JsonObject entity, JsonObject? self) =>
        quirks.UniqueFields(collection.Resource).Where(f => collection.Entity.ByName(f) is not null).Any(field =>
            ListQuery.Text(entity[field]) is { } value
            && state.Of(collection).Any(other => !ReferenceEquals(other, self) && ListQuery.Text(other[field]) == value));
}
