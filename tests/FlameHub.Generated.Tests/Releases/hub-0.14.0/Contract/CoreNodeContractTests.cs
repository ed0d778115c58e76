using System.Net.Http.Headers;
using FlameHub.Core;

namespace FlameHub.Generated.Tests.Contract;

/// <summary>The status and nodes of the core service (Hub 0.14.0), against the recorded exchanges.</summary>
public class CoreNodeContractTests
{
    private static readonly Guid MasterId = Guid.Parse("b4f78ced-3858-45a4-b7ec-c3720bab71fe");
    private static readonly Guid NodeId = Guid.Parse("a76befc6-db50-46c5-ba01-8528c2455797");
    private static readonly Guid NodeAId = Guid.Parse("4c469ac8-c639-4266-b98d-c455d8395d06");
    private static readonly Guid NodeBId = Guid.Parse("43b9a015-68bc-44ea-9ba3-0bda02972303");

    [SetUp]
    public Task Reset() => WireMockFixture.Server.ResetAsync();

    [Test]
    public async Task Exchange_57_core_status()
    {
        var exchange = await Exchange.StubAsync(57);
        // Recorded without a token: the status is public.
        using var core = ContractClients.Core(credential: null);

        var status = await core.GetStatusAsync();

        await exchange.AssertSentAsync();
        ModelAssert.Populated(status, exchange.ResponseBody);
        Assert.That(status.Version, Is.EqualTo("0.14.0"));
    }

    [Test]
    public async Task Exchange_09_node_create()
    {
        var exchange = await Exchange.StubAsync(9);
        using var core = ContractClients.Core();

        var node = await core.CreateNodeAsync(new CreateNode { Name = "hub14-node-093059", RealmId = MasterId });

        await exchange.AssertSentAsync();
        ModelAssert.Populated(node, exchange.Data);
        Assert.That(node.Id, Is.EqualTo(NodeId));
        Assert.That(node.ClientId, Is.EqualTo(Guid.Parse("78868e62-a02c-4707-8a5e-8a8f7945e411")), "the Hub makes an Authup client per node");
    }

    [Test]
    public async Task Exchange_10_node_get()
    {
        var exchange = await Exchange.StubAsync(10);
        using var core = ContractClients.Core();

        var node = await core.GetNodeAsync(NodeId, new FindOptions { Include = { UseDefaults = false } });

        await exchange.AssertSentAsync();
        ModelAssert.Populated(node, exchange.Data);
    }

    [Test]
    public async Task Exchange_11_nodes_filter_name_with_page_limit()
    {
        var exchange = await Exchange.StubAsync(11);
        using var core = ContractClients.Core();

        var nodes = await core.FindNodesAsync(new FindOptions
        {
            Filter = { [NodeFields.Name] = "hub14-node-093059" },
            Page = new Page(Limit: 10),
            Include = { UseDefaults = false },
        });

        // Recorded with page[limit] only; Page always sends page[offset] too, here 0.
        await exchange.AssertSentAsync(ContractClients.OffsetZero);
        ModelAssert.PopulatedList(nodes, exchange.ResponseBody);
    }

    [Test]
    public async Task Exchange_12_node_update_sends_only_the_set_fields()
    {
        var exchange = await Exchange.StubAsync(12);
        using var core = ContractClients.Core();

        var node = await core.UpdateNodeAsync(NodeId, new UpdateNode { Name = "hub14-node-093059-renamed", Hidden = true });

        await exchange.AssertSentAsync();
        ModelAssert.Populated(node, exchange.Data);
        Assert.That(node.Hidden, Is.True);
    }

    [Test]
    public async Task Exchange_13_node_get_not_found_is_null()
    {
        var exchange = await Exchange.StubAsync(13);
        using var core = ContractClients.Core();

        var node = await core.GetNodeAsync(Guid.Parse("663e0507-f436-482a-bf79-01fa61f0de7c"), new FindOptions { Include = { UseDefaults = false } });

        await exchange.AssertSentAsync();
        Assert.That(node, Is.Null);
    }

    [Test]
    public async Task Exchange_14_node_create_invalid_throws_with_the_issues()
    {
        var exchange = await Exchange.StubAsync(14);
        using var core = ContractClients.Core();

        // Recorded with "realmId":"not-a-uuid", which the typed RealmId cannot carry (by design); the
        // request is the recorded one with a well-formed id, and the Hub's answer is replayed as recorded.
        var realmId = Guid.Parse("00000000-0000-0000-0000-000000000001");
        var error = Assert.ThrowsAsync<HubApiException>(() => core.CreateNodeAsync(new CreateNode { Name = "x", RealmId = realmId }));

        var withGuid = exchange.RequestBody!.DeepClone().AsObject();
        withGuid[NodeFields.RealmId] = realmId.ToString();
        await exchange.AssertSentWithBodyAsync(withGuid);
        exchange.AssertError(error);
        Assert.That(error!.Code, Is.EqualTo("bad_request"));
        var paths = error.Body!.Value.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("path")[0].GetString());
        Assert.That(paths, Is.EqualTo(new[] { "name", "realmId" }));
    }

    [Test]
    public async Task Exchange_15_unauthenticated_nodes_list_throws_401()
    {
        var exchange = await Exchange.StubAsync(15);
        using var core = ContractClients.Core(credential: null);

        var error = Assert.ThrowsAsync<HubApiException>(() => core.FindNodesAsync(new FindOptions { Include = { UseDefaults = false } }));

        var sent = await exchange.AssertSentAsync();
        exchange.AssertError(error);
        Assert.That(Exchange.Header(sent, "Authorization"), Is.Null, "no credential, no Authorization header");
    }

    [Test]
    public async Task Exchange_16_garbage_bearer_token_throws_the_500()
    {
        var exchange = await Exchange.StubAsync(16);
        // Hub 0.14.0 answers a token it cannot read with 500, which a client retries by default: sent once here.
        using var core = ContractClients.CoreWithoutRetries(new StaticTokenAuth("garbage"));

        var error = Assert.ThrowsAsync<HubApiException>(() => core.FindNodesAsync(new FindOptions { Include = { UseDefaults = false } }));

        await exchange.AssertSentAsync();
        exchange.AssertError(error);
        Assert.That(error!.HubMessage, Is.EqualTo("Property token is invalid"));
    }

    [Test]
    public async Task Exchange_30_node_delete()
    {
        var exchange = await Exchange.StubAsync(30);
        using var core = ContractClients.Core();

        // The delete answers the removed node; only the request is compared.
        await core.DeleteNodeAsync(NodeId);

        await exchange.AssertSentAsync();
    }

    [Test]
    public async Task Exchange_31_node_get_after_delete_is_null()
    {
        var exchange = await Exchange.StubAsync(31);
        using var core = ContractClients.Core();

        var node = await core.GetNodeAsync(NodeId, new FindOptions { Include = { UseDefaults = false } });

        await exchange.AssertSentAsync();
        Assert.That(node, Is.Null);
    }

    [Test]
    public async Task Exchange_58_node_create_with_external_name()
    {
        var exchange = await Exchange.StubAsync(58);
        using var core = ContractClients.Core();

        var node = await core.CreateNodeAsync(new CreateNode { Name = "hub14-na-093059", RealmId = MasterId, ExternalName = "ext-hub14-na-093059" });

        await exchange.AssertSentAsync();
        ModelAssert.Populated(node, exchange.Data);
        Assert.That(node.Id, Is.EqualTo(NodeAId));
    }

    [Test]
    public async Task Exchange_59_node_create_hidden()
    {
        var exchange = await Exchange.StubAsync(59);
        using var core = ContractClients.Core();

        var node = await core.CreateNodeAsync(new CreateNode { Name = "hub14-nb-093059", RealmId = MasterId, Hidden = true });

        await exchange.AssertSentAsync();
        ModelAssert.Populated(node, exchange.Data);
        Assert.That(node.Id, Is.EqualTo(NodeBId));
    }

    [Test]
    public async Task Exchange_60_node_create_duplicate_throws_the_conflict()
    {
        var exchange = await Exchange.StubAsync(60);
        using var core = ContractClients.Core();

        var error = Assert.ThrowsAsync<HubApiException>(() => core.CreateNodeAsync(new CreateNode { Name = "hub14-na-093059", RealmId = MasterId }));

        await exchange.AssertSentAsync();
        exchange.AssertError(error);
        Assert.That(error!.Code, Is.EqualTo("entity_conflict"));
    }

    [Test]
    public async Task Exchange_61_nodes_filter_page_sort_default_includes()
    {
        var exchange = await Exchange.StubAsync(61);
        using var core = ContractClients.Core();

        // No Include given: the default includes every relation of a node, which is what was recorded.
        var nodes = await core.FindNodesAsync(new FindOptions
        {
            Filter = { [NodeFields.RealmId] = MasterId },
            Page = new Page(Limit: 10, Offset: 0),
            Sort = { "-" + NodeFields.CreatedAt },
        });

        await exchange.AssertSentAsync();
        ModelAssert.PopulatedList(nodes, exchange.ResponseBody);
        Assert.That(nodes.Select(n => n.Registry), Is.All.Null, "an included empty relation is null");
    }

    [Test]
    public async Task Exchange_62_nodes_filter_contains_sort_by_name()
    {
        var exchange = await Exchange.StubAsync(62);
        using var core = ContractClients.Core();

        var nodes = await core.FindNodesAsync(new FindOptions
        {
            Filter = { [NodeFields.Name] = Filter.Contains("093059") },
            Sort = { NodeFields.Name },
            Include = { UseDefaults = false },
        });

        await exchange.AssertSentAsync();
        ModelAssert.PopulatedList(nodes, exchange.ResponseBody);
    }

    [Test]
    public async Task Exchange_63_nodes_fields_with_page_limit()
    {
        var exchange = await Exchange.StubAsync(63);
        using var core = ContractClients.Core();

        var nodes = await core.FindNodesAsync(new FindOptions
        {
            Fields = { NodeFields.Id, NodeFields.Name },
            Page = new Page(Limit: 2),
            Include = { UseDefaults = false },
        });

        await exchange.AssertSentAsync(ContractClients.OffsetZero);
        ModelAssert.PopulatedList(nodes, exchange.ResponseBody);
    }

    [Test]
    public async Task Exchange_64_nodes_unknown_include_is_answered_200()
    {
        var exchange = await Exchange.StubAsync(64);
        using var core = ContractClients.Core();

        var nodes = await core.FindNodesAsync(new FindOptions { Include = { "nope" }, Page = new Page(Limit: 2) });

        await exchange.AssertSentAsync(ContractClients.OffsetZero);
        ModelAssert.PopulatedList(nodes, exchange.ResponseBody);
    }

    [Test]
    public async Task Exchange_65_nodes_unknown_filter_field_is_answered_200()
    {
        var exchange = await Exchange.StubAsync(65);
        using var core = ContractClients.Core();

        var nodes = await core.FindNodesAsync(new FindOptions { Filter = { ["nope"] = "x" }, Page = new Page(Limit: 2), Include = { UseDefaults = false } });

        await exchange.AssertSentAsync(ContractClients.OffsetZero);
        ModelAssert.PopulatedList(nodes, exchange.ResponseBody);
    }

    [Test]
    public async Task Exchange_66_nodes_filter_in()
    {
        var exchange = await Exchange.StubAsync(66);
        using var core = ContractClients.Core();

        var nodes = await core.FindNodesAsync(new FindOptions
        {
            Filter = { [NodeFields.Name] = Filter.In("hub14-na-093059", "hub14-nb-093059") },
            Sort = { NodeFields.Name },
            Include = { UseDefaults = false },
        });

        await exchange.AssertSentAsync();
        ModelAssert.PopulatedList(nodes, exchange.ResponseBody);
        Assert.That(nodes, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Exchange_67_nodes_filter_not()
    {
        var exchange = await Exchange.StubAsync(67);
        using var core = ContractClients.Core();

        var nodes = await core.FindNodesAsync(new FindOptions
        {
            Filter = { [NodeFields.Name] = Filter.Not("hub14-na-093059"), [NodeFields.RealmId] = MasterId },
            Include = { UseDefaults = false },
        });

        await exchange.AssertSentAsync();
        ModelAssert.PopulatedList(nodes, exchange.ResponseBody);
    }

    [Test]
    public async Task Exchange_68_nodes_filter_is_null()
    {
        var exchange = await Exchange.StubAsync(68);
        using var core = ContractClients.Core();

        var nodes = await core.FindNodesAsync(new FindOptions
        {
            Filter = { [NodeFields.RobotId] = null, [NodeFields.Name] = Filter.Contains("093059") },
            Include = { UseDefaults = false },
        });

        await exchange.AssertSentAsync();
        ModelAssert.PopulatedList(nodes, exchange.ResponseBody);
    }

    [Test]
    public async Task Exchange_69_basic_credentials_are_refused_and_the_package_has_none()
    {
        var exchange = await Exchange.StubAsync(69);
        // Hub 0.14.0's core accepts only bearer tokens: the package offers no Basic credential, so the
        // recorded request is sent with a credential of the test's own.
        Assert.That(typeof(IHubCredential).Assembly.GetType("FlameHub.BasicAuth"), Is.Null, "no BasicAuth in the 0.14.0 package");
        using var core = ContractClients.CoreWithoutRetries(new HeaderCredential(new AuthenticationHeaderValue("Basic", "YWRtaW46c3RhcnQxMjM=")));

        var error = Assert.ThrowsAsync<HubApiException>(() => core.FindNodesAsync(new FindOptions { Page = new Page(Limit: 1), Include = { UseDefaults = false } }));

        await exchange.AssertSentAsync(ContractClients.OffsetZero);
        exchange.AssertError(error);
        Assert.That(error!.HubMessage, Is.EqualTo("Only Bearer tokens are accepted as authentication method."));
    }

    [Test]
    public async Task Exchange_70_node_update_sends_an_explicit_null()
    {
        var exchange = await Exchange.StubAsync(70);
        using var core = ContractClients.Core();

        var node = await core.UpdateNodeAsync(NodeAId, new UpdateNode { ExternalName = null });

        await exchange.AssertSentAsync();
        ModelAssert.Populated(node, exchange.Data);
        Assert.That(node.ExternalName, Is.Null);
    }

    [Test]
    public async Task Exchange_71_node_get_after_the_null_update()
    {
        var exchange = await Exchange.StubAsync(71);
        using var core = ContractClients.Core();

        var node = await core.GetNodeAsync(NodeAId, new FindOptions { Include = { UseDefaults = false } });

        await exchange.AssertSentAsync();
        ModelAssert.Populated(node, exchange.Data);
        Assert.That(node!.ExternalName, Is.Null);
    }

    [Test]
    public async Task Exchange_95_node_a_delete()
    {
        var exchange = await Exchange.StubAsync(95);
        using var core = ContractClients.Core();

        await core.DeleteNodeAsync(NodeAId);

        await exchange.AssertSentAsync();
    }

    [Test]
    public async Task Exchange_96_node_b_delete()
    {
        var exchange = await Exchange.StubAsync(96);
        using var core = ContractClients.Core();

        await core.DeleteNodeAsync(NodeBId);

        await exchange.AssertSentAsync();
    }

    /// <summary>Sends one fixed Authorization header: a kind of credential the package does not offer.</summary>
    private sealed class HeaderCredential(AuthenticationHeaderValue header) : IHubCredential
    {
        public ValueTask<AuthenticationHeaderValue> GetAuthorizationAsync(CancellationToken cancellationToken = default) => new(header);

        public ValueTask<bool> InvalidateAsync(AuthenticationHeaderValue rejected, CancellationToken cancellationToken = default) => new(false);
    }
}
