using System.Net.Http.Headers;

namespace FlameHub;

/// <summary>
/// A bearer token the caller obtains and renews itself, for example an OIDC access token.
/// The token never appears in <see cref="ToString"/>.
/// </summary>
public sealed class StaticTokenAuth : IHubCredential
{
    private volatile AuthenticationHeaderValue _header;

    /// <summary>Uses <paramref name="accessToken"/> as the bearer token.</summary>
    /// <param name="accessToken">The access token.</param>
    public StaticTokenAuth(string accessToken) => _header = Bearer(accessToken);

    /// <summary>Replaces the token, for callers that renew it themselves.</summary>
    /// <param name="accessToken">The new access token.</param>
    public void UpdateToken(string accessToken) => _header = Bearer(accessToken);

    /// <inheritdoc />
    public ValueTask<AuthenticationHeaderValue> GetAuthorizationAsync(CancellationToken cancellationToken = default) => new(_header);

    /// <inheritdoc />
    public ValueTask<bool> InvalidateAsync(AuthenticationHeaderValue rejected, CancellationToken cancellationToken = default) => new(false);

    /// <inheritdoc />
    public override string ToString() => "StaticTokenAuth(token: ***)";

    private static AuthenticationHeaderValue Bearer(string accessToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        return new AuthenticationHeaderValue("Bearer", accessToken);
    }
}
