using Microsoft.Extensions.Logging;

namespace FlameHub;

/// <summary>Settings of a token credential (<see cref="PasswordAuth"/>, <see cref="RobotAuth"/>, <see cref="ClientAuth"/>).</summary>
public sealed class HubCredentialOptions
{
    /// <summary>How long before its expiry a token is renewed, at most half the token's lifetime. Default: 60 seconds.</summary>
    public TimeSpan RefreshMargin { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one token request may take. Default: 30 seconds.</summary>
    public TimeSpan TokenRequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Send grants as <c>application/x-www-form-urlencoded</c> (OAuth2's own encoding) instead of
    /// JSON. Authup takes both; some proxies in front of it only pass one. Default: JSON.
    /// </summary>
    public bool FormEncodedGrants { get; set; }

    /// <summary>The handler token requests go through; null uses a shared default with connection pooling.</summary>
    public HttpMessageHandler? TokenHandler { get; set; }

    /// <summary>Where token events are logged (never the token or the secret).</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The clock that decides expiry; replace it in tests.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
