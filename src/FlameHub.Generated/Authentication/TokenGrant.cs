using Newtonsoft.Json.Linq;

namespace FlameHub;

/// <summary>One OAuth2 grant as Authup's <c>POST /token</c> takes it, members in wire order.</summary>
internal sealed class TokenGrant
{
    private readonly (string Name, string Value)[] _members;

    private TokenGrant(string type, params (string Name, string Value)[] members)
    {
        Type = type;
        _members = members;
    }

    public string Type { get; }

    public static TokenGrant Password(string username, string password) =>
        new("password", ("username", username), ("password", password));

    public static TokenGrant RefreshToken(string refreshToken) =>
        new("refresh_token", ("refresh_token", refreshToken));

#if HUB_ROBOTS
    public static TokenGrant RobotCredentials(Guid id, string secret) =>
        new("robot_credentials", ("id", id.ToString("D")), ("secret", secret));
#endif

    public static TokenGrant ClientCredentials(string clientId, string clientSecret) =>
        new("client_credentials", ("client_id", clientId), ("client_secret", clientSecret));

    public string ToJson()
    {
        var body = new JObject { ["grant_type"] = Type };
        foreach (var (name, value) in _members) body[name] = value;
        return body.ToString(Newtonsoft.Json.Formatting.None);
    }

    public FormUrlEncodedContent ToForm() =>
        new(_members.Select(m => KeyValuePair.Create(m.Name, m.Value)).Prepend(KeyValuePair.Create("grant_type", Type)));

    public override string ToString() => $"TokenGrant({Type})";
}
