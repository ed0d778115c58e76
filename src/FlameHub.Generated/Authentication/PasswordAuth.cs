namespace FlameHub;

/// <summary>
/// A user's name and password, exchanged for tokens with the <c>password</c> grant. Tokens are
/// renewed with the <c>refresh_token</c> grant; if that is refused, the password grant runs once more.
/// </summary>
public sealed class PasswordAuth : HubTokenCredential
{
    private readonly string _username;
    private readonly string _password;

    /// <summary>Signs in as <paramref name="username"/> at the auth service under <paramref name="authBaseUrl"/>.</summary>
    /// <param name="username">The user name, for example <c>admin</c>.</param>
    /// <param name="password">The password.</param>
    /// <param name="authBaseUrl">The auth service's base URL, for example <c>http://localhost:3000/auth/</c>.</param>
    /// <param name="options">Token settings; null for the defaults.</param>
    public PasswordAuth(string username, string password, Uri authBaseUrl, HubCredentialOptions? options = null)
        : base(authBaseUrl, options)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentException.ThrowIfNullOrEmpty(password);
        _username = username;
        _password = password;
    }

    private protected override async Task<TokenResponse> AcquireAsync(string? refreshToken, CancellationToken cancellationToken)
    {
        if (refreshToken is not null)
        {
            try
            {
                return await Endpoint.RequestAsync(TokenGrant.RefreshToken(refreshToken), cancellationToken).ConfigureAwait(false);
            }
            catch (HubAuthenticationException)
            {
                // A refused refresh (expired, revoked) falls back to the password once.
            }
        }
        return await Endpoint.RequestAsync(TokenGrant.Password(_username, _password), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() => $"PasswordAuth(user: {_username}, token URL: {TokenUrl}, password: ***)";
}
