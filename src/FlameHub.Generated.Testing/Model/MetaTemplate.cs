using System.Text.Json.Nodes;

namespace FlameHub.Testing.Model;

/// <summary>
/// Renders fake.json's <c>meta.schema</c> templates (Hub 0.14.0 describes a collection's query schema in
/// every read's <c>meta.schema</c>) for one collection: a string value <c>{entity}</c> becomes the entity
/// schema's name in camel case (<c>bucketFile</c>), <c>{fields}</c> the array of its field names,
/// <c>{relations}</c> that of its includable relations (or those fake.json's <c>meta.schema.relations</c> names), <c>{relationSchemas}</c> an object naming each
/// relation's schema the same way, <c>{maxLimit}</c> the release's page maximum.
/// </summary>
internal static class MetaTemplate
{
    public static JsonObject Render(JsonObject template, CollectionModel collection, FakeQuirks quirks) =>
        (JsonObject)Render((JsonNode)template, collection, quirks)!;

    private static JsonNode? Render(JsonNode? node, CollectionModel collection, FakeQuirks quirks)
    {
        var entity = collection.Entity;
        var named = quirks.MetaRelations(collection.Resource);
        var relations = entity.Properties.Where(p => p.IncludedSchema is not null && (named is null || named.Contains(p.Name))).ToList();
        return node switch
        {
            JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Render(p.Value, collection, quirks)))),
            JsonArray array => new JsonArray(array.Select(i => Render(i, collection, quirks)).ToArray()),
            JsonValue value when value.TryGetValue<string>(out var text) => text switch
            {
                "{entity}" => Camel(entity.Name),
                "{fields}" => new JsonArray(entity.Properties.Where(p => p.IncludedSchema is null).Select(p => (JsonNode)p.Name).ToArray()),
                "{relations}" => new JsonArray(relations.Select(p => (JsonNode)p.Name).ToArray()),
                "{relationSchemas}" => new JsonObject(relations.Select(p => KeyValuePair.Create(p.Name, (JsonNode?)Camel(p.IncludedSchema!)))),
                "{maxLimit}" => quirks.MaxPageSize,
                _ => value.DeepClone(),
            },
            _ => node?.DeepClone(),
        };
    }

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
