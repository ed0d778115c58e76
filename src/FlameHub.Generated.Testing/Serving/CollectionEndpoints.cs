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
    private readonly FilledFields _filled = new(state, quirks, bySchema);

    /// <param name="collection">Where the entity goes.</param>
    /// <param name="operation">The create operation's answer.</param>
    /// <param name="body">The sent fields.</param>
    /// <param name="actor">The user the request's credential names, whose id and realm fill the entity's owner fields (fake.json <c>actor</c>).</param>
    public HttpResponseMessage Create(CollectionModel collection, OperationModel operation, JsonObject? body, JsonObject? actor = null)
    {
        body ??= [];
        if (Validation.Refuse(quirks, collection, body, creating: true) is { } invalid) return invalid;
        if (MissingReference(collection, body) is { } refused) return refused;
        var entity = state.NewEntity(collection, body);
        _filled.FromActor(collection, entity, body, actor);
        _filled.RelationRealms(collection, entity);
        if (Conflicts(collection, entity, null)) return Answer.Error(quirks.Error(collection.Service, "conflict"));
        state.Of(collection).Add(entity);
        var answer = Credentials.Keep(state, quirks.Auth, collection, body, entity, created: true);
        // The Hub answers a create with the relations its sent references name (it loaded them to check them).
        var referenced = collection.Entity.Properties.Where(p => p.IncludedSchema is not null && ListQuery.Text(body[collection.Entity.ByKey(p.Key + "id")?.Name ?? ""]) is not null);
        return Answer.Record(operation, Embed(collection, answer, referenced.Select(p => p.Name)), null);
    }

    public HttpResponseMessage Get(CollectionModel collection, OperationModel operation, string id, ListQuery query)
    {
        if (state.Find(collection, id, collection.LookupBy) is not { } entity) return NotFound(collection);
        var meta = MetaSchema(collection, "record") is { } schema ? new JsonObject { ["schema"] = schema } : null;
        return Answer.Record(operation, Read(collection, entity, query), meta);
    }

    /// <summary>Only the sent fields change; a field sent as null is cleared.</summary>
    public HttpResponseMessage Update(CollectionModel collection, OperationModel operation, string id, JsonObject? body)
    {
        if (state.Find(collection, id) is not { } entity) return NotFound(collection);
        if (Validation.Refuse(quirks, collection, body ?? [], creating: false) is { } invalid) return invalid;
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
        return Answer.Record(operation, Credentials.Keep(state, quirks.Auth, collection, body ?? [], changed, created: false), null);
    }

    public HttpResponseMessage Delete(CollectionModel collection, OperationModel operation, string id)
    {
        if (state.Find(collection, id) is not { } entity) return NotFound(collection);
        state.Of(collection).Remove(entity);
        state.Files.Remove(id);
        var answer = new ListQuery().Select(Embed(collection, entity, quirks.DeleteIncludes(collection.Resource)), collection.Entity, quirks.HiddenFields(collection.Resource, onDelete: true));
        return Answer.Record(operation, answer, null);
    }

    public HttpResponseMessage List(CollectionModel collection, OperationModel operation, ListQuery query)
    {
        var matching = query.Sorted(state.Of(collection).Where(e => query.Matches(e, collection.Entity, (entity, relation) => Related(collection, entity, relation))), collection.Entity).ToList();
        var limit = Math.Clamp(query.Limit ?? quirks.DefaultPageSize, 0, quirks.MaxPageSize);
        var page = matching.Skip(query.Offset).Take(limit).Select(e => Read(collection, e, query)).ToList();
        var meta = new JsonObject { ["total"] = matching.Count, ["limit"] = limit, ["offset"] = query.Offset };
        if (!query.Paged && !quirks.PagedByDefault(collection.Resource) && quirks.MetaWithoutPage is { } kept)
        {
            foreach (var name in meta.Select(m => m.Key).Except(kept).ToList()) meta.Remove(name);
        }
        if (MetaSchema(collection, "list") is { } schema) meta["schema"] = schema;
        return Answer.List(operation.Status, page, meta);
    }

    /// <summary>A read's copy: the asked relations embedded, the asked fields selected, the release's hidden fields left out.</summary>
    private JsonObject Read(CollectionModel collection, JsonObject entity, ListQuery query) =>
        query.Select(Embed(collection, entity, query.Include ?? []), collection.Entity, quirks.HiddenFields(collection.Resource));

    /// <summary>The release's description of the collection's query schema (0.14.0's <c>meta.schema</c>), from its fake.json template.</summary>
    private JsonObject? MetaSchema(CollectionModel collection, string answer) =>
        quirks.MetaSchema(collection.Service, answer) is { } template ? MetaTemplate.Render(template, collection, quirks) : null;

    public HttpResponseMessage NotFound(CollectionModel collection) => Answer.Error(quirks.Error(collection.Service, "notFound"));

    /// <summary>The entity <paramref name="relation"/> of <paramref name="entity"/> names, and its schema; null when the relation leads nowhere the fake holds.</summary>
    private (JsonObject? Entity, SchemaModel Schema)? Related(CollectionModel collection, JsonObject entity, string relation)
    {
        if (collection.Entity.ByName(relation) is not { IncludedSchema: { } schema } property || bySchema(schema) is not { } target) return null;
        var key = collection.Entity.ByKey(property.Key + "id");
        var id = key is null ? null : ListQuery.Text(entity[key.Name]);
        return (id is null ? null : state.Find(target, id), target.Entity);
    }

    /// <summary>
    /// A copy with the named relations embedded: relation <c>r</c> is the entity of the relation's
    /// schema whose id is in the field <c>r_id</c> / <c>rId</c> (null when there is none).
    /// </summary>
    private JsonObject Embed(CollectionModel collection, JsonObject entity, IEnumerable<string> relations)
    {
        var copy = entity.DeepClone().AsObject();
        foreach (var relation in relations)
        {
            var property = collection.Entity.ByName(relation);
            if (property?.IncludedSchema is null || bySchema(property.IncludedSchema) is not { } target) continue;
            var key = collection.Entity.ByKey(property.Key + "id");
            var related = key is null || ListQuery.Text(entity[key.Name]) is not { } id ? null : state.Find(target, id);
            copy[property.Name] = related is null ? null : new ListQuery().Select(related, target.Entity, quirks.HiddenFields(target.Resource));
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
