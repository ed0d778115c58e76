// Only in the package of a release whose documents say auth has robots (HUB_ROBOTS, from obj/generated/HubRelease.constants).
#if HUB_ROBOTS
namespace FlameHub;

/// <summary>A robot's id and secret, exchanged for tokens with Authup's <c>robot_credentials</c> grant.</summary>
public sealed class RobotAuth : HubTokenCredential
{
    private readonly Guid _robotId;
    private readonly string _secret;

    /// <summary>Signs in as the robot <paramref name="robotId"/>.</summary>
    /// <param name="robotId">The robot's id.</param>
    /// <param name="secret">The robot's secret.</param>
    /// <param name="authBaseUrl">The auth service's base URL.</param>
    /// <param name="options">Token settings; null for the defaults.</param>
    public RobotAuth(Guid robotId, string secret, Uri authBaseUrl, HubCredentialOptions? options = null)
        : base(authBaseUrl, options)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        _robotId = robotId;
        _secret = secret;
    }

    private protected override Task<TokenResponse> AcquireAsync(string? refreshToken, CancellationToken cancellationToken) =>
        Endpoint.RequestAsync(TokenGrant.RobotCredentials(_robotId, _secret), cancellationToken);

    /// <inheritdoc />
    public override string ToString() => $"RobotAuth(robot: {_robotId}, token URL: {TokenUrl}, secret: ***)";
}
#endif
