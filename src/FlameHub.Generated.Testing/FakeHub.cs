using System.Text.Json.Nodes;
using FlameHub.Testing.Model;
using FlameHub.Testing.Serving;

namespace FlameHub.Testing;

/// <summary>
/// A Hub in the test's own process: auth, core and storage as this package's Hub release serves
/// them, reached through <see cref="Handler"/> (no ports). What it serves comes from the release's
/// OpenAPI documents, the same the library is generated from: every collection they declare can
/// be created, read, updated, deleted and listed with filters, sort and pages. It starts with the
/// master realm and the <c>admin</c> user (password <c>start123</c>).
/// </summary>
/// <example>
/// <code>
/// using var hub = new FakeHub();
/// using var core = new CoreClient(hub.CoreUrl, hub.Admin, hub.Handler);
/// var node = await core.CreateNodeAsync(new CreateNode { Name = "my-node" });
/// </code>
/// </example>
public sealed class FakeHub : IDisposable
{
    private readonly FakeHubHandler _handler;

    /// <summary>Starts an empty Hub with the seeded realm and admin.</summary>
    /// <param name="clock">The clock tokens expire and timestamps are taken on; null for the system clock.</param>
    public FakeHub(TimeProvider? clock = null)
    {
        var time = clock ?? TimeProvider.System;
        var root = new Uri("http://fake-hub.invalid/");
        AuthUrl = new Uri(root, "auth/");
        CoreUrl = new Uri(root, "core/");
        StorageUrl = new Uri(root, "storage/");
        var quirks = FakeQuirks.Load();
        var state = new HubState(time);
        Faults = new FakeHubFaults(time);
        _handler = new FakeHubHandler(
            [
                (AuthUrl, ServiceModel.Read("auth", EmbeddedData.Document("auth"))),
                (CoreUrl, ServiceModel.Read("core", EmbeddedData.Document("core"))),
                (StorageUrl, ServiceModel.Read("storage", EmbeddedData.Document("storage"))),
            ],
            state, quirks, FilterGrammar.Load(), Faults);
        Seed(state, quirks, _handler.ByResource);
        Admin = new PasswordAuth(quirks.SeedUser, quirks.SeedPassword, AuthUrl, new HubCredentialOptions { TokenHandler = _handler, TimeProvider = time });
    }

    /// <summary>The auth service's base URL, for <c>AuthClient</c> and credentials.</summary>
    public Uri AuthUrl { get; }

    /// <summary>The core service's base URL, for <c>CoreClient</c>.</summary>
    public Uri CoreUrl { get; }

    /// <summary>The storage service's base URL, for <c>StorageClient</c>.</summary>
    public Uri StorageUrl { get; }

    /// <summary>The handler every request to the fake goes through; pass it to the clients.</summary>
    public HttpMessageHandler Handler => _handler;

    /// <summary>The seeded <c>admin</c> user's password credential, already wired to <see cref="Handler"/>.</summary>
    public IHubCredential Admin { get; }

    /// <summary>Failures to answer the next matching calls with.</summary>
    public FakeHubFaults Faults { get; }

    /// <summary>Ends the fake and deletes the files it stored on disk.</summary>
    public void Dispose() => _handler.Dispose();

    /// <summary>The temporary folder of stored files past the memory limit; null while all are in memory.</summary>
    internal string? StorageFolder => _handler.StorageFolder;

    // The master realm and its admin, through the same generic create as every other entity.
    private static void Seed(HubState state, FakeQuirks quirks, Func<string, CollectionModel?> byResource)
    {
        if (byResource(quirks.RealmResource) is not { } realms || byResource(quirks.UserResource) is not { } users) return;
        var realm = state.NewEntity(realms, new JsonObject { [Field(realms, "name")] = quirks.SeedRealm });
        state.Of(realms).Add(realm);
        var user = state.NewEntity(users, new JsonObject
        {
            [Field(users, "name")] = quirks.SeedUser,
            [Field(users, "realmid")] = HubState.Id(realm),
        });
        state.Of(users).Add(user);
        state.Passwords[HubState.Id(user)!] = quirks.SeedPassword;
    }

    private static string Field(CollectionModel collection, string key) =>
        collection.Entity.ByKey(key)?.Name ?? throw new InvalidOperationException($"{collection.Entity.Name} has no field like '{key}'.");
}
