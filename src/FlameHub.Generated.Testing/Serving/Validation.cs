using System.Text.Json.Nodes;
using FlameHub.Testing.Model;

namespace FlameHub.Testing.Serving;

/// <summary>What a create or update refuses, from the documents (required, enum, uuid) and fake.json (minimum lengths, how the rules read a value).</summary>
internal static class Validation
{
    /// <summary>The release's validation answer for the body's failed rules; null when none fails.</summary>
    /// <param name="quirks">The release's facts.</param>
    /// <param name="collection">Where the body goes.</param>
    /// <param name="body">The sent fields.</param>
    /// <param name="creating">A create, whose required fields (the body schema's and fake.json's <c>validation.required</c>) must be there; an update requires none.</param>
    public static HttpResponseMessage? Refuse(FakeQuirks quirks, CollectionModel collection, JsonObject body, bool creating)
    {
        IReadOnlyList<string> required = creating ? [.. (collection.CreateBody?.Required ?? []).Union(quirks.RequiredFields(collection.Resource))] : [];
        var refusals = Invalid(quirks, collection, body, required);
        if (refusals.Count == 0) return null;
        var error = quirks.Error(collection.Service, "validation");
        return Answer.Json(error.Status, error.Render(refusals, sent: body));
    }

    /// <summary>
    /// One refusal per failed rule, fields in the body schema's order and each field's rules in the
    /// order required, enum, uuid, minLength: a required field missing (or empty, where the release's
    /// required rule says so), a value outside the document's enum, a uuid field that holds no uuid, a
    /// text shorter than the release's minimum (fake.json). A field the operation does not require
    /// and the body does not hold is not checked.
    /// </summary>
    public static IReadOnlyList<Refusal> Invalid(FakeQuirks quirks, CollectionModel collection, JsonObject body, IReadOnlyList<string> required)
    {
        var schema = collection.CreateBody ?? collection.Entity;
        var minimum = quirks.MinLengths(collection.Resource);
        var rules = quirks.ValidationRules;
        var refusals = new List<Refusal>();
        var names = schema.Properties.Select(p => p.Name).Concat(required).Concat(body.Select(f => f.Key)).Distinct();
        foreach (var name in names)
        {
            var text = ListQuery.Text(body[name]);
            var isRequired = required.Contains(name);
            if (text is null && !isRequired) continue;
            var property = schema.ByName(name) ?? collection.Entity.ByName(name);
            Refusal Failed(string rule, string? value = null, JsonNode? node = null) =>
                new(name, rule, !isRequired) { Values = value is null ? new Dictionary<string, JsonNode?>() : new Dictionary<string, JsonNode?> { [value] = node } };

            if (text is null || (text == "" && rules.EmptyIsMissing)) refusals.Add(Failed("required", "type", property?.Type is null or "ref" ? "string" : property.Type));
            if (text is not null && property?.Enum is { } allowed && !allowed.Contains(text))
                refusals.Add(Failed("enum", "allowed", new JsonArray(allowed.Select(a => (JsonNode)JsonValue.Create(a)).ToArray())));
            if (text is not null && property?.Format == "uuid" && !Guid.TryParse(text, out _)) refusals.Add(Failed("uuid"));
            if (minimum.TryGetValue(name, out var length) && (text is not null || rules.MeasureMissing) && (text ?? "").Length < length)
                refusals.Add(Failed("minLength", "min", length));
        }
        return refusals;
    }
}
