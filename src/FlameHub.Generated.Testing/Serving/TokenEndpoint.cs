using System.Security.Cryptography;
using System.Text.Json.Nodes;
using FlameHub.Testing.Model;

namespace FlameHub.Testing.Serving;

/// <summary>An access token the fake issued: whom to, with which grant, when.</summary>
internal sealed record IssuedToken(GrantQuirk Grant, string Subject, string Jti, DateTimeOffset Issued, DateTimeOffset Expires);

/// <summary>What the fake knows of a bearer token.</summary>
internal enum TokenState
{
    Unknown,
    Expired,
    Valid,
}

/// <summary>
/// Authup's <c>POST /token</c> for the release's grants (fake.json <c>auth.grants</c>) and its
/// refresh grant: opaque tokens that expire on the fake's clock. Callers hold <see cref="HubState.Gate"/>.
/// </summary>
internal sealed class TokenEndpoint(HubState state, FakeQuirks quirks, Func<string, CollectionModel?> byResource)
{
    private readonly Dictionary<string, IssuedToken> _access = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (GrantQuirk Grant, string Subject, DateTimeOffset Expires)> _refresh = new(StringComparer.Ordinal);

    private AuthQuirks Auth => quirks.Auth;

    public HttpResponseMessage Grant(string service, IReadOnlyDictionary<string, string?> fields)
    {
        var type = fields.GetValueOrDefault("grant_type");
        if (type == Auth.RefreshGrant)
        {
            if (fields.GetValueOrDefault(Auth.RefreshField) is not { } token || !_refresh.Remove(token, out var issued) || state.Clock.GetUtcNow() >= issued.Expires)
            {
                return Answer.Error(quirks.Error(service, Auth.RefreshRefused));
            }
            return Issue(issued.Grant, issued.Subject);
        }
        if (type is null || !Auth.Grants.TryGetValue(type, out var grant)) return Answer.Error(quirks.Error(service, Auth.UnsupportedGrant));
        var subject = Credentials.Authenticate(state, grant, byResource, fields.GetValueOrDefault(grant.Lookup), fields.GetValueOrDefault(grant.Secret));
        return subject is null ? Answer.Error(quirks.Error(service, grant.Refused)) : Issue(grant, subject);
    }

    /// <summary>Whether <paramref name="token"/> was issued here, and if so whether it has expired on the fake's clock.</summary>
    public TokenState Check(string token) =>
        !_access.TryGetValue(token, out var issued) ? TokenState.Unknown
        : state.Clock.GetUtcNow() < issued.Expires ? TokenState.Valid
        : TokenState.Expired;

    /// <summary>The token, when the fake issued it and it has not expired.</summary>
    public IssuedToken? Active(string? token) =>
        token is not null && Check(token) == TokenState.Valid ? _access[token] : null;

    /// <summary>The id of the user <paramref name="token"/> was issued to, while it is valid; null for a robot's or client's token.</summary>
    public string? UserOf(string token) => Active(token) is { } issued && issued.Grant.Resource == quirks.UserResource ? issued.Subject : null;

    private HttpResponseMessage Issue(GrantQuirk grant, string subject)
    {
        var now = state.Clock.GetUtcNow();
        var access = NewToken();
        _access[access] = new IssuedToken(grant, subject, Guid.NewGuid().ToString(), now, now + quirks.TokenLifetime);
        var answer = new JsonObject
        {
            ["access_token"] = access,
            ["expires_in"] = (int)quirks.TokenLifetime.TotalSeconds,
            ["token_type"] = "Bearer",
            ["scope"] = "global",
        };
        if (grant.RefreshToken)
        {
            var refresh = NewToken();
            _refresh[refresh] = (grant, subject, now + Auth.RefreshLifetime);
            answer["refresh_token"] = refresh;
            if (Auth.AnswersRefreshLifetime) answer["refresh_token_expires_in"] = (int)Auth.RefreshLifetime.TotalSeconds;
        }
        return Answer.Json(200, answer);
    }

    private static string NewToken() => Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
}
