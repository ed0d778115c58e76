using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;

namespace FlameHub;

/// <summary>Sends grants to Authup's <c>POST {auth}/token</c> and reads the answer.</summary>
internal sealed class TokenEndpoint
{
    private static readonly Lazy<HttpClient> SharedClient = new(() => new HttpClient(new SocketsHttpHandler
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        AutomaticDecompression = System.Net.DecompressionMethods.GZip | System.Net.DecompressionMethods.Deflate,
    })
    { Timeout = Timeout.InfiniteTimeSpan });

    private readonly HttpClient _client;
    private readonly TimeSpan _timeout;
    private readonly bool _formEncoded;

    public TokenEndpoint(Uri authBaseUrl, HubCredentialOptions options)
    {
        ArgumentNullException.ThrowIfNull(authBaseUrl);
        if (!authBaseUrl.IsAbsoluteUri) throw new ArgumentException("The auth base URL must be absolute.", nameof(authBaseUrl));
        Url = new Uri(HubUrl.WithTrailingSlash(authBaseUrl), "token");
        _client = options.TokenHandler is { } handler ? new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan } : SharedClient.Value;
        _timeout = options.TokenRequestTimeout;
        _formEncoded = options.FormEncodedGrants;
    }

    public Uri Url { get; }

    public async Task<TokenResponse> RequestAsync(TokenGrant grant, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, Url)
        {
            Content = _formEncoded ? grant.ToForm() : new StringContent(grant.ToJson(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new HubAuthenticationException((int)response.StatusCode, text, grant.Type, Url.AbsolutePath, HubHeaders.Of(response));
            }
            return Parse(text, (int)response.StatusCode, grant.Type);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Timeouts surface as HttpRequestException everywhere in the library, this one included.
            throw new HttpRequestException($"The token request ({grant.Type} grant) to {Url.AbsolutePath} took longer than {_timeout.TotalSeconds:0.###} s.",
                new TimeoutException("HubCredentialOptions.TokenRequestTimeout elapsed."));
        }
    }

    private TokenResponse Parse(string text, int status, string grantType)
    {
        TokenResponse? token = null;
        try
        {
            token = JsonConvert.DeserializeObject<TokenResponse>(text);
        }
        catch (JsonException)
        {
        }
        if (token is null || string.IsNullOrEmpty(token.AccessToken))
        {
            // The body is not echoed: a half-readable token response may still hold a token.
            throw new HubAuthenticationException(status, null, grantType, Url.AbsolutePath);
        }
        return token;
    }
}
