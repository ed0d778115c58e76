using System.Text.Json;
using FlameHub.Core;

namespace FlameHub.Generated.Tests.Contract;

/// <summary>Nodes on the core service, against the recorded exchanges.</summary>
public class CoreNodeContractTests
{
    private static readonly Guid RealmId = Guid.Parse("170b4592-4913-44db-9edf-6cb7fb9595d5");
    private static readonly Guid NodeId = Guid.Parse("fd098170-c4dc-4eb2-a4d8-884f5b7f8b86");

    [SetUp]
    public Task Reset() => WireMockFixture.Server.ResetAsync();

    [Test]
    public async Task Exchange_22_core_status()
    {
        var exchange = await Exchange.StubAsync(22);
        // Recorded without a token: the status is public.
        using var core = ContractClients.Core(credential: null);

        var status = await core.GetStatusAsync();

        await exchange.AssertSentAsync();
        ModelAssert.Populated(status, exchange.ResponseBody);
    }

    [Test]
    public async Task Exchange_23_unauthenticated_nodes_list_throws_401()
    {
        var exchange = await Exchange.StubAsync(23);
        using var core = ContractClients.Core(credential: null);

        var error = Assert.ThrowsAsync<HubApiException>(() => core.FindNodesAsync(new FindOptions { Include = { UseDefaults = false } }));

        var sent = await exchange.AssertSentAsync();
        exchange.AssertError(error);
        Assert.That(Exchange.Header(sent, "Authorization"), Is.Null, "no credential, no Authorization header");
    }

    [Test]
    public async Task Exchange_24_node_create()
    {
        var exchange = await Exchange.StubAsync(24);
        using var core = ContractClients.Core();

        var node = await core.CreateNodeAsync(new CreateNode { Name = "node-a95747", RealmId = RealmId, Type = NodeType.Default, ExternalName = "node-a95747" });

        await exchange.AssertSentAsync();
        ModelAssert.Populated(node, exchange.ResponseBody);
        Assert.That(node.Id, Is.EqualTo(NodeId));
    }

    [Test]
    public async Task Exchange_25_node_create_aggregator()
    {
        var exchange = await Exchange.StubAsync(25);
        using var core = ContractClients.Core();

        var node = await core.CreateNodeAsync(new CreateNode { Name = "agg-a95747", Type = NodeType.Aggregator });

        await exchange.AssertSentAsync();
        ModelAssert.Populated(node, exchange.ResponseBody);
    }

    [Test]
    public async Task Exchange_26_node_create_invalid_throws_with_children_and_attributes()
    {
        var exchange = await Exchange.StubAsync(26);
        using var core = ContractClients.Core();

        // Recorded with "type":"nope", which the typed NodeType cannot carry (by design); the
        // request is the recorded one without that member, and the Hub's answer is replayed as recorded.
        var error = Assert.ThrowsAsync<HubApiException>(() => core.CreateNodeAsync(new CreateNode { Name = "x" }));

        var withoutType = exchange.RequestBody!.DeepClone().AsObject();
        Assert.That(withoutType.Remove("type"), Is.True);
        await exchange.AssertSentWithBodyAsync(withoutType);
        exchange.AssertError(error);
        Assert.That(error!.Code, Is.EqualTo("undefined"));
        Assert.That(error.Body!.Value.GetProperty("attributes").Deserialize<string[]>(), Is.EqualTo(new[] { "name", "type" }));
    }

    [Test]
    public async Task Exchange_27_node_create_duplicate_throws_the_conflict()
    {
        var exchange = await Exchange.StubAsync(27);
        using var core = ContractClients.Core();

        var error = Assert.ThrowsAsync<HubApiException>(() =>
            core.CreateNodeAsync(new CreateNode { Name = "node-a95747", RealmId = RealmId, ExternalName = "node-a95747" }));

        await exchange.AssertSentAsync();
        exchange.AssertError(error);
    }

    [Test]
    public async Task Exchange_28_nodes_filter_page_sort_include()
    {
        var exchange = await Exchange.StubAsync(28);
        using var core = ContractClients.Core();

        // No Include given: the default includes every relation of a node, which is what was recorded.
        var nodes = await core.FindNodesAsync(new FindOptions
        {
            Filter = { [NodeFields.RealmId] = RealmId },
            Page = new Page(Limit: 10, Offset: 0),
            Sort = { "-" + NodeFields.CreatedAt },
        });

        await exchange.AssertSentAsync();
        ModelAssert.PopulatedList(nodes, exchange.ResponseBody);
    }

    [Test]
    public async Task Exchange_29_nodes_filter_like_sort_by_name()
    {
        var exchange = await Exchange.StubAsync(29);
        using var core = ContractClients.Core();

        var nodes = await core.FindNodesAsync(new FindOptions
        {
            Filter = { [NodeFields.Name] = Filter.StartsWith("a95747") },
            Sort = { NodeFields.Name },
            Include = { UseDefaults = false },
        });

        await exchange.AssertSentAsync();
        ModelAssert.PopulatedList(nodes, exchange.ResponseBody);
        Assert.That(nodes, Is.Empty);
    }

    [Test]
    public async Task Exchange_30_nodes_fields_with_page_limit()
    {
        var exchange = await Exchange.StubAsync(30);
        using var core = ContractClients.Core();

        var nodes = await core.FindNodesAsync(new FindOptions
        {
            Fields = { NodeFields.Id, NodeFields.Name },
            Page = new Page(Limit: 2),
            Include = { UseDefaults = false },
        });

        // Recorded with page[limit] only; Page always sends page[offset] too, here 0.
        await exchange.AssertSentAsync(ContractClients.OffsetZero);
        ModelAssert.PopulatedList(nodes, exchange.ResponseBody);
    }

    [Test]
    public async Task Exchange_31_nodes_unknown_include_is_answered_200()
    {
        var exchange = await Exchange.StubAsync(31);
        using var core = ContractClients.Core();

        var nodes = await core.FindNodesAsync(new FindOptions { Include = { "nope" } });

        await exchange.AssertSentAsync();
        ModelAssert.PopulatedList(nodes, exchange.ResponseBody);
    }

    [Test]
    public async Task Exchange_32_node_get()
    {
        var exchange = await Exchange.StubAsync(32);
        using var core = ContractClients.Core();

        var node = await core.GetNodeAsync(NodeId, new FindOptions { Include = { UseDefaults = false } });

        await exchange.AssertSentAsync();
        ModelAssert.Populated(node, exchange.ResponseBody);
    }

    [Test]
    public async Task Exchange_33_node_update_sends_only_the_set_field()
    {
        var exchange = await Exchange.StubAsync(33);
        using var core = ContractClients.Core();

        var node = await core.UpdateNodeAsync(NodeId, new UpdateNode { Hidden = true });

        await exchange.AssertSentAsync();
        ModelAssert.Populated(node, exchange.ResponseBody);
        Assert.That(node.Hidden, Is.True);
    }

#if HUB_BASIC_AUTH
    [Test]
    public async Task Exchange_34_nodes_with_basic_auth_and_page_limit()
    {
        var exchange = await Exchange.StubAsync(34);
        using var core = ContractClients.Core(new BasicAuth("admin", "start123"));

        var nodes = await core.FindNodesAsync(new FindOptions { Page = new Page(Limit: 1), Include = { UseDefaults = false } });

        // Recorded with page[limit] only; Page always sends page[offset] too, here 0.
        var sent = await exchange.AssertSentAsync(ContractClients.OffsetZero);
        ModelAssert.PopulatedList(nodes, exchange.ResponseBody);
        Assert.That(Exchange.Header(sent, "Authorization"), Does.StartWith("Basic "), "recorded as Basic auth");
    }
#endif

    [Test]
    public async Task Exchange_57_node_delete()
    {
        var exchange = await Exchange.StubAsync(57);
        using var core = ContractClients.Core();

        // The delete answers the removed node; DeleteNodeAsync is declared without a result, so only the request is compared.
        await core.DeleteNodeAsync(NodeId);

        await exchange.AssertSentAsync();
    }

    [Test]
    public async Task Exchange_58_node_get_after_delete_is_null()
    {
        var exchange = await Exchange.StubAsync(58);
        using var core = ContractClients.Core();

        var node = await core.GetNodeAsync(NodeId, new FindOptions { Include = { UseDefaults = false } });

        await exchange.AssertSentAsync();
        Assert.That(node, Is.Null);
    }
}
