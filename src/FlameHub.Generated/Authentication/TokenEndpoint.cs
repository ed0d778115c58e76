using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;

namespace FlameHub;

/// <summary>
/// Sends grants to Authup's <c>POST {auth}/token</c> and reads the answer. Token requests go
/// through the library's retry rules (a grant is safe to send twice), follow no redirect, and read
/// at most <see cref="TokenAnswerReader.DefaultMaxBytes"/> of an answer. Each request is a span
/// (<c>HubTokenCredential.RequestToken</c>, under the operation that needed the token) and counts in
/// <c>flamehub.auth.token_requests</c>.
/// </summary>
internal sealed class TokenEndpoint
{
    private static readonly Lazy<SocketsHttpHandler> SharedTransport = new(HubHttpPipeline.CreateTransport);
    private static readonly HubOperationInfo Operation = new("HubTokenCredential.RequestToken", "token");

    private readonly HttpClient _client;
    private readonly Uri _authBaseUrl;
    private readonly TimeSpan _timeout;
    private readonly bool _formEncoded;

    public TokenEndpoint(Uri authBaseUrl, HubCredentialOptions options)
    {
        ArgumentNullException.ThrowIfNull(authBaseUrl);
        if (!authBaseUrl.IsAbsoluteUri) throw new ArgumentException("The auth base URL must be absolute.", nameof(authBaseUrl));
        _authBaseUrl = HubUrl.WithTrailingSlash(authBaseUrl);
        Url = new Uri(_authBaseUrl, Operation.Template);
        _timeout = options.TokenRequestTimeout;
        _formEncoded = options.FormEncodedGrants;
        if (options.Retry is null) throw new ArgumentException("HubCredentialOptions.Retry must not be null.", nameof(options));
        var retries = new HubResilienceHandler(options.Retry, _timeout, options.TimeProvider, options.LoggerFactory?.CreateLogger("FlameHub.Http"))
        {
            InnerHandler = new TokenAnswerReader(TokenAnswerReader.DefaultMaxBytes) { InnerHandler = options.TokenHandler ?? SharedTransport.Value },
        };
        // Never disposed: the chain holds nothing of its own, and the transport is shared or the caller's.
        _client = new HttpClient(retries, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public Uri Url { get; }

    public async Task<TokenResponse> RequestAsync(TokenGrant grant, CancellationToken cancellationToken)
    {
        // Not an operation of the caller's: its time is part of the operation that needed the token.
        using var scope = HubOperationScope.Start(Operation, HttpMethod.Post, _authBaseUrl, recordsDuration: false);
        scope?.Activity?.SetTag(HubTelemetry.GrantType, grant.Type);
        try
        {
            var token = await SendAsync(grant, scope, cancellationToken).ConfigureAwait(false);
            Count(grant, HubTelemetry.Success, null);
            return token;
        }
        catch (Exception exception)
        {
            HubOperationScope.Failed(scope, exception, cancellationToken);
            Count(grant, HubTelemetry.OutcomeOf(exception, cancellationToken), HubTelemetry.ErrorType(exception));
            throw;
        }
    }

    private static void Count(TokenGrant grant, string outcome, string? errorType)
    {
        if (!HubTelemetry.TokenRequests.Enabled) return;
        var tags = new System.Diagnostics.TagList { { HubTelemetry.GrantType, grant.Type }, { HubTelemetry.Outcome, outcome } };
        if (errorType is not null) tags.Add(HubTelemetry.ErrorTypeTag, errorType);
        HubTelemetry.TokenRequests.Add(1, tags);
    }

    private async Task<TokenResponse> SendAsync(TokenGrant grant, HubOperationScope? scope, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url)
        {
            Content = _formEncoded ? grant.ToForm() : new StringContent(grant.ToJson(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Options.Set(HubRequestOptions.Retryable, true);
        scope?.Attach(request);
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            scope?.Answered(response);
            return await ReadAsync(response, grant, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            // The retries are spent: the client's own retry around this request must not repeat them.
            var failure = exception.InnerException is TimeoutException
                ? new HttpRequestException(
                    $"The token request ({grant.Type} grant) to {Url.AbsolutePath} took longer than {_timeout.TotalSeconds:0.###} s (HubCredentialOptions.TokenRequestTimeout, the limit of each attempt).",
                    new TimeoutException("HubCredentialOptions.TokenRequestTimeout elapsed.", exception))
                : new HttpRequestException(exception.HttpRequestError,
                    $"The token request ({grant.Type} grant) to {Url.AbsolutePath} failed: {exception.Message}", exception, exception.StatusCode);
            HubResilienceHandler.MarkRetriesSpent(failure);
            throw failure;
        }
    }

    private async Task<TokenResponse> ReadAsync(HttpResponseMessage response, TokenGrant grant, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        // A TokenHandler that follows redirects may have taken the grant elsewhere; whatever came back from there is not used.
        if (response.RequestMessage?.RequestUri is { } answered && !SameOrigin(answered, Url))
        {
            throw HubApiException.Refused(status,
                $"the token endpoint's answer came from {Origin(answered)}, not from {Origin(Url)}: the TokenHandler followed a redirect, and a token from another origin is not used",
                "POST", Url.AbsolutePath, HubHeaders.Of(response));
        }
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (status is 400 or 401 or 403)
        {
            throw new HubAuthenticationException(status, Encoding.UTF8.GetString(body), grant.Type, Url.AbsolutePath, HubHeaders.Of(response));
        }
        if (!response.IsSuccessStatusCode)
        {
            throw new HubApiException(status, Encoding.UTF8.GetString(body), "POST", Url.AbsolutePath, HubHeaders.Of(response));
        }
        return TokenAnswer.Read(body, response.Content.Headers.ContentType?.MediaType, out var problem)
            ?? throw HubApiException.Refused(status, "the token endpoint answered without an access_token: " + problem, "POST", Url.AbsolutePath, HubHeaders.Of(response));
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        a.IsAbsoluteUri && string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;

    private static string Origin(Uri uri) => uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped);
}
