using System.Text.Json.Nodes;
using FlameHub.Testing.Model;

namespace FlameHub.Testing.Serving;

/// <summary>What a create fills in that the caller did not send, as the Hub fills it. Callers hold <see cref="HubState.Gate"/>.</summary>
internal sealed class FilledFields(HubState state, FakeQuirks quirks, Func<string, CollectionModel?> bySchema)
{
    /// <summary>Owner fields the caller gives (fake.json <c>actor</c>): <c>realm_id</c> the caller's realm, <c>user_id</c> its id..., where not sent.</summary>
    public void FromActor(CollectionModel collection, JsonObject entity, JsonObject body, JsonObject? actor)
    {
        if (actor is null) return;
        foreach (var (key, attribute) in quirks.ActorFields)
        {
            if (collection.Entity.ByKey(key) is not { } property || ListQuery.Text(body[property.Name]) is not null) continue;
            entity[property.Name] = attribute switch
            {
                "kind" => "user",
                _ => actor.FirstOrDefault(f => PropertyModel.Normal(f.Key) == attribute).Value?.DeepClone(),
            };
        }
    }

    /// <summary>A field <c>x_realm_id</c> beside a relation <c>x</c> holds the realm of the entity <c>x_id</c> names.</summary>
    public void RelationRealms(CollectionModel collection, JsonObject entity)
    {
        foreach (var relation in collection.Entity.Properties.Where(p => p.IncludedSchema is not null))
        {
            if (collection.Entity.ByKey(relation.Key + "realmid") is not { } field || bySchema(relation.IncludedSchema!) is not { } target) continue;
            var id = collection.Entity.ByKey(relation.Key + "id") is { } key ? ListQuery.Text(entity[key.Name]) : null;
            var related = id is null ? null : state.Find(target, id);
            if (related is not null && target.Entity.ByKey("realmid") is { } realm) entity[field.Name] = related[realm.Name]?.DeepClone();
        }
    }
}
