namespace FlameHub.Testing;

/// <summary>
/// The library's credential for a grant the release's data names. The grants come from fake.json;
/// only the credential types are compiled per release (<c>RobotAuth</c> exists where the
/// release's documents give auth robots, HUB_ROBOTS from the library's build).
/// </summary>
internal static class AccountCredentials
{
    public static IHubCredential Create(FakeHubAccount account, Uri authUrl, HubCredentialOptions options) => account.GrantType switch
    {
#if HUB_ROBOTS
        "robot_credentials" => new RobotAuth(account.Id, account.Secret, authUrl, options),
#endif
        "client_credentials" => new ClientAuth(account.Id.ToString("D"), account.Secret, authUrl, options),
        _ => throw new InvalidOperationException($"This package has no credential for the grant {account.GrantType} that fake.json seeds an account for."),
    };
}
