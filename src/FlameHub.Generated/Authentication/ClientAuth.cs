namespace FlameHub;

/// <summary>An OAuth2 client's id and secret, exchanged for tokens with the <c>client_credentials</c> grant.</summary>
public sealed class ClientAuth : HubTokenCredential
{
    private readonly string _clientId;
    private readonly string _clientSecret;

    /// <summary>Signs in as the client <paramref name="clientId"/>.</summary>
    /// <param name="clientId">The client's id.</param>
    /// <param name="clientSecret">The client's secret.</param>
    /// <param name="authBaseUrl">The auth service's base URL.</param>
    /// <param name="options">Token settings; null for the defaults.</param>
    public ClientAuth(string clientId, string clientSecret, Uri authBaseUrl, HubCredentialOptions? options = null)
        : base(authBaseUrl, options)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        ArgumentException.ThrowIfNullOrEmpty(clientSecret);
        _clientId = clientId;
        _clientSecret = clientSecret;
    }

    private protected override Task<TokenResponse> AcquireAsync(string? refreshToken, CancellationToken cancellationToken) =>
        Endpoint.RequestAsync(TokenGrant.ClientCredentials(_clientId, _clientSecret), cancellationToken);

    /// <inheritdoc />
    public override string ToString() => $"ClientAuth(client: {_clientId}, token URL: {TokenUrl}, secret: ***)";
}
