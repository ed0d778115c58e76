using System.Security.Cryptography;
using System.Text.Json.Nodes;
using FlameHub.Testing.Model;

namespace FlameHub.Testing.Serving;

/// <summary>
/// Authup's <c>POST /token</c> for the password and refresh grants: opaque tokens that expire on
/// the fake's clock (the release's token lifetime, fake.json). Callers hold <see cref="HubState.Gate"/>.
/// </summary>
internal sealed class TokenEndpoint(HubState state, FakeQuirks quirks, Func<string, CollectionModel?> byResource)
{
    private readonly Dictionary<string, (string UserId, DateTimeOffset Expires)> _access = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _refresh = new(StringComparer.Ordinal);

    public HttpResponseMessage Grant(string service, IReadOnlyDictionary<string, string?> fields)
    {
        var refused = Answer.Error(quirks.Error(service, "invalidCredentials"));
        string? userId = null;
        switch (fields.GetValueOrDefault("grant_type"))
        {
            case "password":
                var users = byResource(quirks.UserResource);
                var user = users is null ? null : state.Of(users).FirstOrDefault(u => ListQuery.Text(u["name"]) == fields.GetValueOrDefault("username"));
                var id = user is null ? null : HubState.Id(user);
                if (id is null || state.Passwords.GetValueOrDefault(id) != fields.GetValueOrDefault("password")) return refused;
                userId = id;
                break;
            case "refresh_token":
                if (fields.GetValueOrDefault("refresh_token") is not { } token || !_refresh.Remove(token, out userId)) return refused;
                break;
            default:
                return refused;
        }
        var access = NewToken();
        var refresh = NewToken();
        _access[access] = (userId, state.Clock.GetUtcNow() + quirks.TokenLifetime);
        _refresh[refresh] = userId;
        return Answer.Json(200, new JsonObject
        {
            ["access_token"] = access,
            ["expires_in"] = (int)quirks.TokenLifetime.TotalSeconds,
            ["token_type"] = "Bearer",
            ["scope"] = "global",
            ["refresh_token"] = refresh,
        });
    }

    /// <summary>Whether <paramref name="token"/> was issued here and has not expired on the fake's clock.</summary>
    public bool IsValid(string token) => _access.TryGetValue(token, out var issued) && state.Clock.GetUtcNow() < issued.Expires;

    /// <summary>The id of the user <paramref name="token"/> was issued to, while it is valid.</summary>
    public string? UserOf(string token) => IsValid(token) ? _access[token].UserId : null;

    /// <summary>Basic credentials, which core and storage exchange with Authup themselves.</summary>
    public bool IsValidPassword(string username, string password)
    {
        var users = byResource(quirks.UserResource);
        var user = users is null ? null : state.Of(users).FirstOrDefault(u => ListQuery.Text(u["name"]) == username);
        return user is not null && state.Passwords.GetValueOrDefault(HubState.Id(user)!) == password;
    }

    private static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
}
