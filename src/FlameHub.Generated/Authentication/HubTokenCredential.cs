using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlameHub;

/// <summary>
/// A credential that exchanges a secret for bearer tokens at Authup. The token is cached and
/// renewed ahead of expiry; concurrent callers that find it stale wait for a single renewal.
/// </summary>
public abstract class HubTokenCredential : IHubCredential
{
    private readonly SemaphoreSlim _renewal = new(1, 1);
    private readonly HubCredentialOptions _options;
    private readonly ILogger _logger;
    private volatile CachedToken? _token;

    private protected HubTokenCredential(Uri authBaseUrl, HubCredentialOptions? options)
    {
        _options = options ?? new HubCredentialOptions();
        if (_options.RefreshMargin < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), "RefreshMargin must not be negative.");
        Endpoint = new TokenEndpoint(authBaseUrl, _options);
        _logger = _options.LoggerFactory?.CreateLogger("FlameHub.Authentication") ?? NullLogger.Instance;
    }

    /// <summary>Where tokens come from: <c>{auth}/token</c>.</summary>
    public Uri TokenUrl => Endpoint.Url;

    private protected TokenEndpoint Endpoint { get; }

    /// <inheritdoc />
    public async ValueTask<AuthenticationHeaderValue> GetAuthorizationAsync(CancellationToken cancellationToken = default)
    {
        var token = _token;
        if (IsUsable(token)) return token!.Header;

        await _renewal.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            token = _token;
            if (IsUsable(token)) return token!.Header;
            var response = await AcquireAsync(token?.RefreshToken, cancellationToken).ConfigureAwait(false);
            token = CachedToken.From(response, _options.TimeProvider.GetUtcNow(), _options.RefreshMargin);
            _token = token;
            _logger.LogDebug("Acquired a token from {TokenPath}; it expires in {ExpiresIn} s.", TokenUrl.AbsolutePath, response.ExpiresIn);
            return token.Header;
        }
        finally
        {
            _renewal.Release();
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> InvalidateAsync(AuthenticationHeaderValue rejected, CancellationToken cancellationToken = default)
    {
        var token = _token;
        if (token is not null && token.Header.Parameter == rejected.Parameter)
        {
            token.Rejected = true;
            _logger.LogDebug("The Hub refused the cached token; the next request gets a new one.");
        }
        return new ValueTask<bool>(true);
    }

    /// <summary>Drops the cached token, so the next request acquires a new one.</summary>
    public void Reset() => _token = null;

    /// <summary>Gets a new token: with the grant of the credential, or by renewing with <paramref name="refreshToken"/> where that is supported.</summary>
    private protected abstract Task<TokenResponse> AcquireAsync(string? refreshToken, CancellationToken cancellationToken);

    private bool IsUsable(CachedToken? token) =>
        token is { Rejected: false } && _options.TimeProvider.GetUtcNow() < token.RenewAt;

    private sealed class CachedToken
    {
        private CachedToken(AuthenticationHeaderValue header, DateTimeOffset renewAt, string? refreshToken)
        {
            Header = header;
            RenewAt = renewAt;
            RefreshToken = refreshToken;
        }

        public AuthenticationHeaderValue Header { get; }

        /// <summary>From when on the token is renewed before use.</summary>
        public DateTimeOffset RenewAt { get; }

        public string? RefreshToken { get; }
        public volatile bool Rejected;

        public static CachedToken From(TokenResponse response, DateTimeOffset now, TimeSpan refreshMargin)
        {
            // Without expires_in the token is used until the Hub refuses it.
            var renewAt = DateTimeOffset.MaxValue;
            if (response.ExpiresIn is { } seconds && seconds > 0)
            {
                // A token that lives shorter than twice the margin is renewed at half its life, not at
                // once: otherwise every call (and every waiting caller) would fetch a token of its own.
                var lifetime = TimeSpan.FromSeconds(seconds);
                var margin = refreshMargin < lifetime / 2 ? refreshMargin : lifetime / 2;
                renewAt = now + lifetime - margin;
            }
            return new CachedToken(new AuthenticationHeaderValue("Bearer", response.AccessToken), renewAt, response.RefreshToken);
        }

        public override string ToString() => "CachedToken(***)";
    }
}
