using System.Text.Json.Nodes;
using FlameHub.Testing.Model;

namespace FlameHub.Testing.Serving;

/// <summary>
/// The secrets identities sign in with (a user's password, a robot's or client's secret), taken
/// from what is sent when an entity of a grant's collection is created or updated (fake.json
/// <c>auth.grants</c>), and checked when a grant or Basic credentials name the entity.
/// Callers hold <see cref="HubState.Gate"/>.
/// </summary>
internal static class Credentials
{
    /// <summary>
    /// Keeps the secret sent for <paramref name="entity"/> (or drops it when the entity lacks the
    /// release's <c>keepSecretWhen</c> values), takes it out of the stored entity, and gives the
    /// answer to the create or update: the entity, with the secret when the release shows it on create.
    /// </summary>
    public static JsonObject Keep(HubState state, AuthQuirks auth, CollectionModel collection, JsonObject sent, JsonObject entity, bool created)
    {
        if (auth.GrantOf(collection.Resource) is not { } grant || HubState.Id(entity) is not { } id) return entity.DeepClone().AsObject();
        var kept = grant.KeepSecretWhen.All(w => ListQuery.Text(entity[w.Key]) == w.Value);
        if (!kept) state.Secrets.Remove(id);
        else if (ListQuery.Text(sent[grant.SecretField]) is { Length: > 0 } secret) state.Secrets[id] = secret;
        entity.Remove(grant.SecretField);
        var answer = entity.DeepClone().AsObject();
        if (created && collection.Entity.ByName(grant.SecretField) is not null)
        {
            answer[grant.SecretField] = grant.SecretInCreateAnswer && state.Secrets.TryGetValue(id, out var shown) ? shown : null;
        }
        return answer;
    }

    /// <summary>The id of the entity of <paramref name="grant"/>'s collection that <paramref name="name"/> names and <paramref name="secret"/> opens; null when none does.</summary>
    public static string? Authenticate(HubState state, GrantQuirk grant, Func<string, CollectionModel?> byResource, string? name, string? secret)
    {
        if (name is null || secret is null || byResource(grant.Resource) is not { } collection) return null;
        var entity = state.Of(collection).FirstOrDefault(e => string.Equals(ListQuery.Text(e[grant.By]), name, grant.By == "id" ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal));
        var id = entity is null ? null : HubState.Id(entity);
        return id is not null && state.Secrets.TryGetValue(id, out var kept) && kept == secret ? id : null;
    }
}
