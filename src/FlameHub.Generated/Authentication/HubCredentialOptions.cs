using Microsoft.Extensions.Logging;

namespace FlameHub;

#if HUB_ROBOTS
/// <summary>Settings of a token credential (<see cref="PasswordAuth"/>, <see cref="RobotAuth"/>, <see cref="ClientAuth"/>).</summary>
#else
/// <summary>Settings of a token credential (<see cref="PasswordAuth"/>, <see cref="ClientAuth"/>).</summary>
#endif
public sealed class HubCredentialOptions
{
    /// <summary>How long before its expiry a token is renewed, at most half the token's lifetime. Default: 60 seconds.</summary>
    public TimeSpan RefreshMargin { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long one attempt of a token request may take, the answer's body included; retries come
    /// on top (see <see cref="Retry"/>). Default: 30 seconds.
    /// </summary>
    public TimeSpan TokenRequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// When token requests are retried: on connection failures, timeouts and 408, 429, 502, 503,
    /// 504, as the clients retry their calls (a grant is safe to send twice, so POST is retried
    /// here). Only a 400, 401 or 403 is a refused grant (<see cref="HubAuthenticationException"/>);
    /// other failures are a <see cref="HubApiException"/> or <see cref="HttpRequestException"/>.
    /// A token is fetched inside the client call that needs it, so that call's
    /// <see cref="HubClientOptions.AttemptTimeout"/> and <see cref="HubClientOptions.Timeout"/>
    /// bound these retries too; the client does not retry a token request that failed after them.
    /// Default: 3 retries from 0.5 seconds, at most 30 seconds apart.
    /// </summary>
    public HubRetryOptions Retry { get; set; } = new();

    /// <summary>
    /// Send grants as <c>application/x-www-form-urlencoded</c> (OAuth2's own encoding) instead of
    /// JSON. Authup takes both; some proxies in front of it only pass one. Default: JSON.
    /// </summary>
    public bool FormEncodedGrants { get; set; }

    /// <summary>
    /// The handler token requests go through; null uses a shared default with connection pooling
    /// that follows no redirects (a 3xx answer is a <see cref="HubApiException"/> naming its
    /// <c>Location</c>). It is not disposed by the credential.
    /// </summary>
    /// <remarks>
    /// A handler that follows redirects (<see cref="SocketsHttpHandler.AllowAutoRedirect"/> and
    /// <see cref="HttpClientHandler.AllowAutoRedirect"/> are on by default) sends the grant, with
    /// the password or secret in it, on to wherever a 307 or 308 answer points. The credential
    /// cannot stop that; it only refuses a token whose answer came from another origin than
    /// <see cref="HubTokenCredential.TokenUrl"/>. Turn redirects off
    /// (<c>new SocketsHttpHandler { AllowAutoRedirect = false }</c>).
    /// </remarks>
    public HttpMessageHandler? TokenHandler { get; set; }

    /// <summary>Where token events are logged (never the token or the secret).</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// The clock that decides expiry and that token requests' retry delays and
    /// <see cref="TokenRequestTimeout"/> run on; replace it in tests. A client's own waits run on
    /// <see cref="HubClientOptions.TimeProvider"/>, which the credential does not take over: give both the same clock.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
