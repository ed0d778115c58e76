using Microsoft.Extensions.DependencyInjection;
#region testing
using System.Net;
using FlameHub;
using FlameHub.Core;
using FlameHub.Testing;
using NUnit.Framework;

namespace MyCompany.NodeSync.Tests;

public sealed class NodeSyncTests
{
    [Test]
    public async Task A_node_is_found_updated_and_read_through_a_503()
    {
        using var hub = new FakeHub(); // seeded: the master realm and admin / start123
        using var core = new CoreClient(hub.CoreUrl,
            new HubClientOptions { Credential = hub.Admin, Retry = { BaseDelay = TimeSpan.Zero } }, hub.Handler);

        var node = await core.CreateNodeAsync(new CreateNode { Name = "site-a", ExternalName = "Site A" });
        await core.UpdateNodeAsync(node.Id, new UpdateNode { ExternalName = null });

        var page = await core.FindNodesAsync(new FindOptions { Filter = { ["name"] = "site-a" } });
        Assert.That(page.Meta.Total, Is.EqualTo(1));
        Assert.That(page[0].ExternalName, Is.Null);
        Assert.That(await core.GetNodeAsync(Guid.NewGuid()), Is.Null);

        hub.Faults.FailNext(HttpMethod.Get, "/core/nodes", HttpStatusCode.ServiceUnavailable);
        Assert.That(await core.GetNodeAsync(node.Id), Is.Not.Null); // the client retried the 503
    }
}
#endregion

/// <summary>The README's sample of the seeded machine identity, a credential of your own and AddFlameHub against the fake.</summary>
public sealed class ReadmeIdentitiesExample
{
    [Test]
    public async Task The_seeded_identity_a_credential_of_your_own_and_AddFlameHub_reach_the_fake()
    {
        using var hub = new FakeHub();
        var clientId = Guid.NewGuid(); // in a real test: the id of a client the test created through AuthClient
        #region testing-identities
        // The seeded machine identity, wired to the fake: the system robot (Hub 0.8.13) or the system client (0.14).
        using var asSystem = new CoreClient(hub.CoreUrl, hub.System, hub.Handler);
        Console.WriteLine($"{hub.SystemAccount.GrantType} {hub.SystemAccount.Id}"); // and its Name and Secret

        // A credential of your own gets its tokens from the fake through TokenHandler.
        var mine = new ClientAuth(clientId.ToString(), "client-secret", hub.AuthUrl,
            new HubCredentialOptions { TokenHandler = hub.Handler });

        // AddFlameHub against the fake: its URLs, hub.Admin unless you set another credential, hub.Handler as the transport.
        var services = new ServiceCollection();
        services.AddFlameHub(hub, options => options.Credential = hub.System);
        await using var provider = services.BuildServiceProvider();
        var core = provider.GetRequiredService<ICoreClient>();
        #endregion
        Assert.That((await asSystem.FindNodesAsync()).Meta.Total, Is.Zero);
        var node = await core.CreateNodeAsync(new CreateNode { Name = "from-the-container" });
        Assert.That((await asSystem.GetNodeAsync(node.Id))?.Name, Is.EqualTo("from-the-container"));
        Assert.That(Assert.ThrowsAsync<HubAuthenticationException>(() => mine.GetAuthorizationAsync().AsTask())!.GrantType, Is.EqualTo("client_credentials"));
    }
}
