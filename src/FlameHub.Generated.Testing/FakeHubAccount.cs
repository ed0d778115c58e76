namespace FlameHub.Testing;

/// <summary>
/// An identity the fake is seeded with that signs in with a secret: the <c>system</c> robot on Hub
/// releases that have robots, the <c>system</c> client (<c>client_credentials</c>) on those that do
/// not. For credentials of your own making or for configuration (<c>Credential:Kind</c> <c>Robot</c>
/// or <c>Client</c>); <see cref="FakeHub.System"/> is the ready-made credential.
/// </summary>
public sealed class FakeHubAccount
{
    internal FakeHubAccount(string grantType, Guid id, string name, string secret)
    {
        GrantType = grantType;
        Id = id;
        Name = name;
        Secret = secret;
    }

    /// <summary>The OAuth2 grant it signs in with: <c>robot_credentials</c> or <c>client_credentials</c>.</summary>
    public string GrantType { get; }

    /// <summary>Its id: the robot id of <c>RobotAuth</c>, the client id of <c>ClientAuth</c>.</summary>
    public Guid Id { get; }

    /// <summary>Its name, <c>system</c>.</summary>
    public string Name { get; }

    /// <summary>Its secret.</summary>
    public string Secret { get; }

    /// <inheritdoc />
    public override string ToString() => $"FakeHubAccount({GrantType}, {Name}, secret: ***)";
}
