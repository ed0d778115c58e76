using System.Text;
using FlameHub.Testing.Model;

namespace FlameHub.Testing.Serving;

/// <summary>
/// Whether a request to a service may pass, by its <c>Authorization</c> header, and if not, the
/// release's answer (fake.json <c>auth.services</c>): a missing, unknown or expired bearer token,
/// and Basic credentials, each with the error kind the release gives. Callers hold <see cref="HubState.Gate"/>.
/// </summary>
internal static class AuthCheck
{
    private const string Accept = "accept:";

    /// <summary>Null when the request may pass; the release's refusal otherwise.</summary>
    public static HttpResponseMessage? Refusal(HttpRequestMessage request, ServiceModel service, FakeQuirks quirks, HubState state, TokenEndpoint tokens, Func<string, CollectionModel?> byResource)
    {
        var rules = quirks.Auth.Services.GetValueOrDefault(service.Name)
            ?? throw new InvalidOperationException($"fake.json's auth section says nothing of the service {service.Name}.");
        var kind = Kind(request, rules, quirks.Auth, state, tokens, byResource);
        return kind is null ? null : Answer.Error(quirks.Error(service.Name, kind));
    }

    private static string? Kind(HttpRequestMessage request, ServiceAuthQuirk rules, AuthQuirks auth, HubState state, TokenEndpoint tokens, Func<string, CollectionModel?> byResource)
    {
        var header = request.Headers.Authorization;
        if (header?.Parameter is not { } value) return rules.MissingToken;
        if (string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return tokens.Check(value) switch
            {
                TokenState.Valid => null,
                TokenState.Expired => rules.ExpiredToken,
                _ => rules.UnknownToken,
            };
        }
        if (!string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)) return rules.MissingToken;
        if (!rules.Basic.StartsWith(Accept, StringComparison.Ordinal)) return rules.Basic;
        // Core and storage trade Basic credentials with Authup as that grant would; wrong ones are as no credentials.
        var grant = auth.Grants.GetValueOrDefault(rules.Basic[Accept.Length..]);
        var (name, secret) = DecodeBasic(value);
        return grant is not null && Credentials.Authenticate(state, grant, byResource, name, secret) is not null ? null : rules.MissingToken;
    }

    /// <summary>The name and secret of a Basic credential; nulls when it is no <c>name:secret</c> in base64.</summary>
    public static (string? Name, string? Secret) DecodeBasic(string value)
    {
        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(value));
            var colon = pair.IndexOf(':');
            return colon > 0 ? (pair[..colon], pair[(colon + 1)..]) : (null, null);
        }
        catch (FormatException)
        {
            return (null, null);
        }
    }
}
