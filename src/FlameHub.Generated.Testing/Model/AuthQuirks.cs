using System.Text.Json.Nodes;

namespace FlameHub.Testing.Model;

/// <summary>
/// One grant of the release's <c>POST /token</c> (fake.json <c>auth.grants</c>): the auth collection
/// whose entities sign in with it, how the grant names the entity and carries its secret, and
/// what a refused grant answers.
/// </summary>
internal sealed record GrantQuirk(
    string Type,
    string Resource,
    string Lookup,
    string By,
    string Secret,
    string SecretField,
    bool SecretInCreateAnswer,
    IReadOnlyDictionary<string, string> KeepSecretWhen,
    bool RefreshToken,
    string Refused);

/// <summary>An identity seeded next to the realm and admin (fake.json <c>auth.accounts</c>).</summary>
internal sealed record AccountQuirk(string Grant, JsonObject Fields, string Secret, bool System);

/// <summary>How a service answers a request by its credentials (fake.json <c>auth.services</c>): error kinds, or <c>accept:&lt;grant&gt;</c> for Basic.</summary>
internal sealed record ServiceAuthQuirk(string MissingToken, string UnknownToken, string ExpiredToken, string Basic);

/// <summary>Token introspection (fake.json <c>auth.introspection</c>): where it is served and the answer's templates.</summary>
internal sealed record IntrospectionQuirk(
    string Path,
    string Field,
    IReadOnlyDictionary<string, string> SubjectKinds,
    JsonObject Answer,
    IReadOnlyDictionary<string, JsonObject> SubjectClaims,
    JsonObject Inactive,
    IntrospectedPermissions? Permissions);

/// <summary>What <c>{held}</c> lists in an introspection answer: every entity of a collection, with these fields.</summary>
internal sealed record IntrospectedPermissions(string Resource, IReadOnlyList<string> Fields);

/// <summary>The release's authentication facts: the <c>auth</c> section of fake.json.</summary>
internal sealed class AuthQuirks
{
    private AuthQuirks(JsonObject data)
    {
        Grants = (data["grants"]?.AsObject() ?? []).ToDictionary(g => g.Key, g => ReadGrant(g.Key, g.Value!.AsObject()), StringComparer.Ordinal);
        var refresh = data["refreshGrant"]!.AsObject();
        RefreshGrant = Text(refresh, "type");
        RefreshField = Text(refresh, "field");
        RefreshLifetime = TimeSpan.FromSeconds(refresh["expiresIn"]!.GetValue<int>());
        RefreshRefused = Text(refresh, "refused");
        AnswersRefreshLifetime = refresh["answersExpiresIn"]?.GetValue<bool>() ?? false;
        UnsupportedGrant = data["unsupportedGrant"]!.GetValue<string>();
        if (data["introspection"] is JsonObject introspection)
        {
            Introspection = new IntrospectionQuirk(
                Text(introspection, "path"), Text(introspection, "field"),
                (introspection["subjectKinds"]?.AsObject() ?? []).ToDictionary(k => k.Key, k => k.Value!.GetValue<string>(), StringComparer.Ordinal),
                introspection["answer"]!.AsObject(),
                (introspection["subjectClaims"]?.AsObject() ?? []).ToDictionary(k => k.Key, k => k.Value!.AsObject(), StringComparer.Ordinal),
                introspection["inactive"]!.AsObject(),
                introspection["held"] is JsonObject held
                    ? new IntrospectedPermissions(Text(held, "resource"), (held["fields"] as JsonArray ?? []).Select(f => f!.GetValue<string>()).ToArray())
                    : null);
        }
        Accounts = (data["accounts"] as JsonArray ?? []).Select(a => a!.AsObject()).Select(a => new AccountQuirk(
            Text(a, "grant"), a["fields"]?.AsObject() ?? [], Text(a, "secret"), a["system"]?.GetValue<bool>() ?? false)).ToArray();
        Services = (data["services"]?.AsObject() ?? []).ToDictionary(s => s.Key, s => new ServiceAuthQuirk(
            Text(s.Value!.AsObject(), "missingToken"), Text(s.Value!.AsObject(), "unknownToken"),
            Text(s.Value!.AsObject(), "expiredToken"), Text(s.Value!.AsObject(), "basic")), StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, GrantQuirk> Grants { get; }

    public string RefreshGrant { get; }

    public string RefreshField { get; }

    public TimeSpan RefreshLifetime { get; }

    /// <summary>The error kind of a used, expired or unknown refresh token.</summary>
    public string RefreshRefused { get; }

    /// <summary>Whether a token answer with a refresh token also says <c>refresh_token_expires_in</c>.</summary>
    public bool AnswersRefreshLifetime { get; }

    /// <summary>The error kind of a grant type the release does not have.</summary>
    public string UnsupportedGrant { get; }

    /// <summary>Null when the release's data gives no introspection.</summary>
    public IntrospectionQuirk? Introspection { get; }

    public IReadOnlyList<AccountQuirk> Accounts { get; }

    public IReadOnlyDictionary<string, ServiceAuthQuirk> Services { get; }

    public static AuthQuirks Read(JsonObject fake) =>
        new(fake["auth"] as JsonObject ?? throw new InvalidOperationException("fake.json has no 'auth' section."));

    /// <summary>The grant whose identities are entities of <paramref name="resource"/>, if any.</summary>
    public GrantQuirk? GrantOf(string resource) => Grants.Values.FirstOrDefault(g => g.Resource == resource);

    private static GrantQuirk ReadGrant(string type, JsonObject grant) => new(
        type, Text(grant, "resource"), Text(grant, "lookup"), Text(grant, "by"), Text(grant, "secret"), Text(grant, "secretField"),
        grant["secretInCreateAnswer"]?.GetValue<bool>() ?? false,
        (grant["keepSecretWhen"]?.AsObject() ?? []).ToDictionary(w => w.Key, w => w.Value!.ToString(), StringComparer.Ordinal),
        grant["refreshToken"]?.GetValue<bool>() ?? false,
        Text(grant, "refused"));

    private static string Text(JsonObject node, string key) =>
        node[key]?.GetValue<string>() ?? throw new InvalidOperationException($"fake.json's auth section lacks '{key}'.");
}
