using System.Globalization;
using System.Text.Json.Nodes;
using FlameHub.Testing.Model;

namespace FlameHub.Testing.Serving;

/// <summary>
/// Authup's token introspection (fake.json <c>auth.introspection</c>): <c>POST</c> with the token in
/// the body, or <c>GET</c> for the request's own bearer token; the release's claims for a token the
/// fake issued and that has not expired, <c>{active: false}</c> for any other. Callers hold <see cref="HubState.Gate"/>.
/// </summary>
internal sealed class Introspection(HubState state, FakeQuirks quirks, TokenEndpoint tokens, Func<string, CollectionModel?> byResource, Uri authUrl)
{
    public HttpResponseMessage Answer(IntrospectionQuirk quirk, string? token, string? userAgent)
    {
        if (tokens.Active(token) is not { } issued) return Serving.Answer.Json(200, quirk.Inactive.DeepClone());
        var collection = byResource(issued.Grant.Resource);
        var entity = collection is null ? null : state.Find(collection, issued.Subject);
        var realms = byResource(quirks.RealmResource);
        var realmId = entity is not null && collection!.Entity.ByKey("realmid") is { } realmField ? ListQuery.Text(entity[realmField.Name]) : null;
        var realm = realms is null || realmId is null ? null : state.Find(realms, realmId);
        var kind = quirk.SubjectKinds.GetValueOrDefault(issued.Grant.Type) ?? "";
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal)
        {
            ["sub"] = issued.Subject,
            ["subKind"] = kind,
            ["realmId"] = realmId,
            ["realmName"] = realm is null || realms!.Entity.ByKey("name") is not { } name ? null : ListQuery.Text(realm[name.Name]),
            ["jti"] = issued.Jti,
            ["authUrl"] = authUrl.ToString(),
            ["exp"] = issued.Expires.ToUnixTimeSeconds(),
            ["iat"] = issued.Issued.ToUnixTimeSeconds(),
            ["held"] = Held(quirk.Permissions),
            ["userAgent"] = userAgent,
        };
        var answer = Fill(quirk.Answer, values, collection, entity);
        foreach (var (claim, value) in quirk.SubjectClaims.GetValueOrDefault(kind) is { } claims ? Fill(claims, values, collection, entity) : [])
        {
            answer[claim] = value?.DeepClone();
        }
        return Serving.Answer.Json(200, answer);
    }

    // The fake checks no permissions: every token holds every permission the fake has.
    private JsonArray Held(IntrospectedPermissions? permissions)
    {
        if (permissions is null || byResource(permissions.Resource) is not { } collection) return [];
        return new JsonArray(state.Of(collection).Select(p => (JsonNode)new JsonObject(
            permissions.Fields.Select(f => KeyValuePair.Create(f, p[f]?.DeepClone())))).ToArray());
    }

    private static JsonObject Fill(JsonObject template, Dictionary<string, JsonNode?> values, CollectionModel? collection, JsonObject? entity)
    {
        var filled = new JsonObject();
        foreach (var (key, value) in template)
        {
            filled[key] = value is JsonValue text && text.TryGetValue<string>(out var s) ? Text(s, values, collection, entity) : value?.DeepClone();
        }
        return filled;
    }

    // "{x}" alone gives x's typed value; inside a longer string, its text.
    private static JsonNode? Text(string template, Dictionary<string, JsonNode?> values, CollectionModel? collection, JsonObject? entity)
    {
        if (template.StartsWith('{') && template.EndsWith('}') && template.IndexOf('{', 1) < 0) return Value(template[1..^1], values, collection, entity);
        var text = template;
        foreach (var (name, value) in values) text = text.Replace("{" + name + "}", value?.ToString() ?? "", StringComparison.Ordinal);
        return text;
    }

    private static JsonNode? Value(string name, Dictionary<string, JsonNode?> values, CollectionModel? collection, JsonObject? entity)
    {
        if (values.TryGetValue(name, out var value)) return value?.DeepClone();
        if (!name.StartsWith("entity.", StringComparison.Ordinal) || collection is null || entity is null) return null;
        var parts = name["entity.".Length..].Split('|');
        var field = collection.Entity.ByKey(parts[0]);
        var raw = field is null ? null : entity[field.Name];
        if (parts.Length == 1 || ListQuery.Text(raw) is not { } time) return raw?.DeepClone();
        var at = DateTimeOffset.Parse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        return parts[1] == "unixms" ? at.ToUnixTimeMilliseconds() : at.ToUnixTimeSeconds();
    }
}
