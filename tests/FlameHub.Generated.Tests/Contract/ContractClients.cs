using FlameHub.Auth;
using FlameHub.Core;
using FlameHub.Storage;

namespace FlameHub.Generated.Tests.Contract;

/// <summary>
/// The three clients pointed at WireMock's <c>/auth</c>, <c>/core</c> and <c>/storage</c>, with a
/// static token unless a test passes its own credential (null: none at all).
/// </summary>
internal static class ContractClients
{
    private static readonly IHubCredential Token = new StaticTokenAuth("t");

    public static AuthClient Auth() => new(Service("auth/"), Token);

    public static CoreClient Core() => new(Service("core/"), Token);

    public static CoreClient Core(IHubCredential? credential) => new(Service("core/"), credential);

    public static AuthClient Auth(IHubCredential? credential) => new(Service("auth/"), credential);

    public static StorageClient Storage() => new(Service("storage/"), Token);

    public static StorageClient Storage(IHubCredential? credential) => new(Service("storage/"), credential);

    /// <summary>
    /// A core client that sends each request once: for recorded answers the client would retry
    /// (a 5xx), so that the replay sees the one request the recording made.
    /// </summary>
    public static CoreClient CoreWithoutRetries(IHubCredential? credential) =>
        new(Service("core/"), new HubClientOptions { Credential = credential, Retry = new HubRetryOptions { MaxRetries = 0 } });

    /// <summary>The auth service's base URL on WireMock, for credentials that get their tokens there.</summary>
    public static Uri AuthUrl => Service("auth/");

    /// <summary>
    /// <see cref="Page"/> always sends both <c>page[limit]</c> and <c>page[offset]</c>; where the
    /// recording had only <c>page[limit]</c>, the extra <c>page[offset]=0</c> is allowed, with that value.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> OffsetZero = new Dictionary<string, string> { ["page[offset]"] = "0" };

    private static Uri Service(string path) => new(WireMockFixture.Server.BaseUrl, path);
}
