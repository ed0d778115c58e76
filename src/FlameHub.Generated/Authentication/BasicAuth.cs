// Only in the package of a release whose documents say core declares Basic credentials (HUB_BASIC_AUTH, from obj/generated/HubRelease.constants).
#if HUB_BASIC_AUTH
using System.Net.Http.Headers;
using System.Text;

namespace FlameHub;

/// <summary>
/// HTTP Basic authentication. Core and storage accept it and exchange it with Authup themselves;
/// the auth service's own endpoints need a token credential instead.
/// </summary>
public sealed class BasicAuth : IHubCredential
{
    private readonly string _username;
    private readonly AuthenticationHeaderValue _header;

    /// <summary>Sends <paramref name="username"/> and <paramref name="password"/> with every request.</summary>
    /// <param name="username">The user name.</param>
    /// <param name="password">The password.</param>
    public BasicAuth(string username, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentNullException.ThrowIfNull(password);
        _username = username;
        _header = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(username + ":" + password)));
    }

    /// <inheritdoc />
    public ValueTask<AuthenticationHeaderValue> GetAuthorizationAsync(CancellationToken cancellationToken = default) => new(_header);

    /// <inheritdoc />
    public ValueTask<bool> InvalidateAsync(AuthenticationHeaderValue rejected, CancellationToken cancellationToken = default) => new(false);

    /// <inheritdoc />
    public override string ToString() => $"BasicAuth(user: {_username}, password: ***)";
}
#endif
