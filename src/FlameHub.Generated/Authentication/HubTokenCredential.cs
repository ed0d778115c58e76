using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlameHub;

/// <summary>
/// A credential that exchanges a secret for bearer tokens at Authup. The token is cached and
/// renewed ahead of expiry; concurrent callers that find it stale wait for a single renewal.
/// </summary>
/// <remarks>
/// The token's lifetime is the answer's <c>expires_in</c> (a number, or a string holding one),
/// believed up to one day: a longer one, infinity included, is renewed after a day all the same.
/// An <c>expires_in</c> that is missing, zero, negative, NaN or not a number says nothing; such a
/// token is used until the Hub refuses it with 401, when it is renewed and the request sent again.
/// </remarks>
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
        if (_options.TokenRequestTimeout <= TimeSpan.Zero && _options.TokenRequestTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "TokenRequestTimeout must be positive or infinite.");
        }
        if (_options.TimeProvider is null) throw new ArgumentException("HubCredentialOptions.TimeProvider must not be null.", nameof(options));
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
            _logger.LogDebug("Acquired a token from {TokenPath}; it expires in {ExpiresIn} s.", TokenUrl.AbsolutePath, response.Lifetime?.TotalSeconds);
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
            // Without a usable expires_in the token is used until the Hub refuses it.
            var renewAt = DateTimeOffset.MaxValue;
            if (response.Lifetime is { } lifetime)
            {
                // A token that lives shorter than twice the margin is renewed at half its life, not at
                // once: otherwise every call (and every waiting caller) would fetch a token of its own.
                var margin = refreshMargin < lifetime / 2 ? refreshMargin : lifetime / 2;
                renewAt = now + lifetime - margin;
            }
            return new CachedToken(new AuthenticationHeaderValue("Bearer", response.AccessToken), renewAt, response.RefreshToken);
        }

        public override string ToString() => "CachedToken(***)";
    }
}
