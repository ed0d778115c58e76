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
