using System.Text.Json.Nodes;
using FlameHub.Testing.Model;

namespace FlameHub.Testing.Serving;

/// <summary>What a create or update refuses, from the documents (required, enum, uuid) and fake.json (minimum lengths).</summary>
internal static class Validation
{
    /// <summary>
    /// The sent fields the release refuses, in the body schema's order: a required one missing or
    /// empty, a value outside the document's enum, a uuid field that holds no uuid, a text shorter
    /// than the release's minimum (fake.json).
    /// </summary>
    public static string[] Invalid(FakeQuirks quirks, CollectionModel collection, JsonObject body, IReadOnlyList<string> required)
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
}
