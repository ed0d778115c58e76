using System.Net.Sockets;
using System.Text.Json.Nodes;
using FlameHub.Testing.Model;
using FlameHub.Testing.Serving;

namespace FlameHub.Testing;

/// <summary>
/// A Hub in the test's own process: auth, core and storage as this package's Hub release serves
/// them, reached through <see cref="Handler"/> (no ports). What it serves comes from the release's
/// OpenAPI documents, the same the library is generated from: every collection they declare can
/// be created, read, updated, deleted and listed with filters, sort and pages. It starts with the
/// master realm, the <c>admin</c> user (password <c>start123</c>, <see cref="Admin"/>) and the
/// release's machine identity (<see cref="System"/>: the <c>system</c> robot, or the <c>system</c> client
/// where the release has no robots).
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
    private readonly Uri _root;
    private readonly List<FakeHubListener> _listeners = [];
    private bool _disposed;

    /// <summary>Starts an empty Hub with the seeded realm, admin and machine identity.</summary>
    /// <param name="clock">The clock tokens expire and timestamps are taken on; null for the system clock.</param>
    public FakeHub(TimeProvider? clock = null)
    {
        var time = clock ?? TimeProvider.System;
        var root = _root = new Uri("http://fake-hub.invalid/");
        AuthUrl = new Uri(root, "auth/");
        CoreUrl = new Uri(root, "core/");
        StorageUrl = new Uri(root, "storage/");
        var quirks = FakeQuirks.Load();
        var state = new HubState(time);
        Faults = new FakeHubFaults(time, quirks.RateLimit);
        _handler = new FakeHubHandler(
            [
                (AuthUrl, ServiceModel.Embedded["auth"]),
                (CoreUrl, ServiceModel.Embedded["core"]),
                (StorageUrl, ServiceModel.Embedded["storage"]),
            ],
            state, quirks, FilterGrammar.Load(), Faults);
        Handler = new FakeOwned(this, _handler);
        var accounts = Seed(state, quirks, _handler.ByResource);
        Admin = new PasswordAuth(quirks.SeedUser, quirks.SeedPassword, AuthUrl, Wired(time));
        SystemAccount = accounts.Count == 1 ? accounts[0] : throw new InvalidOperationException("fake.json must mark exactly one seeded account as the system account.");
        System = AccountCredentials.Create(SystemAccount, AuthUrl, Wired(time));
    }

    /// <summary>The auth service's base URL, for <see cref="Auth.AuthClient"/> and credentials.</summary>
    public Uri AuthUrl { get; }

    /// <summary>The core service's base URL, for <see cref="Core.CoreClient"/>.</summary>
    public Uri CoreUrl { get; }

    /// <summary>The storage service's base URL, for <see cref="Storage.StorageClient"/>.</summary>
    public Uri StorageUrl { get; }

    /// <summary>
    /// The handler every request to the fake goes through; pass it to the clients (or as
    /// <see cref="HubCredentialOptions.TokenHandler"/>). It belongs to the fake: disposing it, say with
    /// an <see cref="HttpClient"/> of your own, leaves the fake as it is; after <see cref="Dispose"/> it
    /// throws <see cref="ObjectDisposedException"/>. Safe to use from parallel tests.
    /// </summary>
    public HttpMessageHandler Handler { get; }

    /// <summary>The seeded <c>admin</c> user's password credential, already wired to <see cref="Handler"/>.</summary>
    public IHubCredential Admin { get; }

    /// <summary>
    /// The seeded machine identity's credential, already wired to <see cref="Handler"/>: the
    /// <c>system</c> robot (<c>RobotAuth</c>) on Hub releases with robots, the <c>system</c> client
    /// (<c>ClientAuth</c>, <c>client_credentials</c>) on releases without. Its tokens have no refresh token.
    /// </summary>
    public IHubCredential System { get; }

    /// <summary>The id, secret and grant of <see cref="System"/>, for credentials or configuration of your own.</summary>
    public FakeHubAccount SystemAccount { get; }

    /// <summary>Failures to answer the next matching requests with (503, 429, a dropped connection, a delay).</summary>
    public FakeHubFaults Faults { get; }

    /// <summary>
    /// Serves this fake on a loopback port as well, for tools that are not .NET: plain HTTP/1.1 on
    /// 127.0.0.1 at <see cref="FakeHubListener.Url"/>, a gateway with <c>auth/</c>, <c>core/</c> and
    /// <c>storage/</c>. The same state answers both ways. Dispose the listener, or the hub, to close the port.
    /// </summary>
    /// <returns>The listener, already accepting connections.</returns>
    /// <exception cref="ObjectDisposedException">The hub was disposed.</exception>
    /// <exception cref="SocketException">No loopback port could be opened.</exception>
    public FakeHubListener ListenOnLoopback()
    {
        lock (_listeners)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var listener = new FakeHubListener(_handler, _root);
            _listeners.Add(listener);
            return listener;
        }
    }

    /// <summary>
    /// Ends the fake: closes its loopback listeners (without waiting for requests in flight; dispose a
    /// listener with <see cref="FakeHubListener.DisposeAsync"/> first to wait), deletes the files it
    /// stored on disk, and makes <see cref="Handler"/> refuse further requests. Calling it again does nothing.
    /// </summary>
    public void Dispose()
    {
        lock (_listeners)
        {
            if (_disposed) return;
            _disposed = true;
            foreach (var listener in _listeners) listener.Dispose();
            _listeners.Clear();
        }
        _handler.Dispose();
    }

    /// <summary>The temporary folder of stored files past the memory limit; null while all are in memory.</summary>
    internal string? StorageFolder => _handler.StorageFolder;

    // The master realm, its admin and the release's accounts (fake.json auth.accounts), through the same generic create as every other entity.
    private static List<FakeHubAccount> Seed(HubState state, FakeQuirks quirks, Func<string, CollectionModel?> byResource)
    {
        var realms = byResource(quirks.RealmResource) ?? throw Missing(quirks.RealmResource);
        var realm = state.NewEntity(realms, new JsonObject { [Field(realms, "name")] = quirks.SeedRealm });
        state.Of(realms).Add(realm);
        var users = byResource(quirks.UserResource) ?? throw Missing(quirks.UserResource);
        Add(quirks.UserResource, new JsonObject { [Field(users, "name")] = quirks.SeedUser }, quirks.SeedPassword);
        var system = new List<FakeHubAccount>();
        foreach (var account in quirks.Auth.Accounts)
        {
            // The account's fields are the release's wire names (fake.json).
            var resource = quirks.Auth.Grants[account.Grant].Resource;
            var entity = Add(resource, account.Fields.DeepClone().AsObject(), account.Secret);
            var name = ListQuery.Text(entity[Field(byResource(resource)!, "name")]) ?? "";
            if (account.System) system.Add(new FakeHubAccount(account.Grant, Guid.Parse(HubState.Id(entity)!), name, account.Secret));
        }
        return system;

        // In the seeded realm, with its secret kept as a create would keep it.
        JsonObject Add(string resource, JsonObject fields, string secret)
        {
            var collection = byResource(resource) ?? throw Missing(resource);
            var grant = quirks.Auth.GrantOf(resource) ?? throw new InvalidOperationException($"fake.json seeds '{resource}' but names no grant for it.");
            if (collection.Entity.ByKey("realmid") is { } realmField) fields[realmField.Name] = HubState.Id(realm);
            var entity = state.NewEntity(collection, fields);
            state.Of(collection).Add(entity);
            Credentials.Keep(state, quirks.Auth, collection, new JsonObject { [grant.SecretField] = secret }, entity, created: true);
            return entity;
        }
    }

    private HubCredentialOptions Wired(TimeProvider time) => new() { TokenHandler = Handler, TimeProvider = time };

    private bool Disposed
    {
        get
        {
            lock (_listeners) return _disposed;
        }
    }

    /// <summary>
    /// <see cref="Handler"/>: the fake's own handler, which only <see cref="Dispose"/> ends. Callers dispose
    /// what they are given (<c>new HttpClient(hub.Handler)</c>, IHttpClientFactory retiring a primary handler).
    /// </summary>
    private sealed class FakeOwned(FakeHub hub, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            ObjectDisposedException.ThrowIf(hub.Disposed, hub);
            return base.SendAsync(request, cancellationToken);
        }

        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            ObjectDisposedException.ThrowIf(hub.Disposed, hub);
            return base.Send(request, cancellationToken);
        }

        protected override void Dispose(bool disposing)
        {
            // The fake's: FakeHub.Dispose ends it.
        }
    }

    private static InvalidOperationException Missing(string resource) =>
        new($"fake.json seeds the auth collection '{resource}', which this release's auth document does not declare.");

    private static string Field(CollectionModel collection, string key) =>
        collection.Entity.ByKey(key)?.Name ?? throw new InvalidOperationException($"{collection.Entity.Name} has no field like '{key}'.");
}
