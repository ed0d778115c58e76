using System.Text.Json.Nodes;
using FlameHub.Core;

namespace FlameHub.Generated.Tests.Contract;

/// <summary>
/// The harness itself, through the generated core client: stubs from mapping files and from
/// the admin API, the request journal, and the reset between tests. Bodies are Hub 0.8.13's.
/// </summary>
public class WireMockHarnessTests
{
    private const string NodeId = "fd098170-c4dc-4eb2-a4d8-884f5b7f8b86";

    [SetUp]
    public Task Reset() => WireMockFixture.Server.ResetAsync();

    private static CoreClient Client() => new(new HttpClient { BaseAddress = new Uri(WireMockFixture.Server.BaseUrl, "core/") });

    [Test]
    public async Task A_mapping_file_answers_and_the_response_parses_into_the_typed_node()
    {
        var node = (await Client().GetNodeAsync(Guid.Parse(NodeId), new FindOptions { Include = { UseDefaults = false } }))!;

        Assert.That(node.Id, Is.EqualTo(Guid.Parse(NodeId)));
        Assert.That(node.Name, Is.EqualTo("node-a95747"));
        Assert.That(node.Type, Is.EqualTo(NodeType.Default));
        Assert.That(node.Hidden, Is.False);
        Assert.That(node.Online, Is.False);
        Assert.That(node.Registry, Is.Null);

        var requests = await WireMockFixture.Server.RequestsAsync();
        Assert.That(requests.Select(r => $"{r["method"]} {r["url"]}"), Is.EqualTo(new[] { $"GET /core/nodes/{NodeId}" }));
    }

    [Test]
    public async Task A_stub_added_through_the_admin_API_answers_and_the_journal_shows_the_query()
    {
        await WireMockFixture.Server.StubAsync(JsonNode.Parse($$"""
            {
              "request": { "method": "GET", "urlPath": "/core/nodes",
                           "queryParameters": { "include": { "equalTo": "registry,registry_project" } } },
              "response": { "status": 200, "headers": { "Content-Type": "application/json" },
                            "jsonBody": { "data": [ { "id": "{{NodeId}}", "name": "node-a95747", "registry": null } ],
                                          "meta": { "total": 1, "limit": 10, "offset": 0 } } }
            }
            """)!.AsObject());

        var list = await Client().FindNodesAsync(new FindOptions { Page = new Page(10, 0), Sort = { "-created_at" } });

        Assert.That(list.Single().Name, Is.EqualTo("node-a95747"));
        Assert.That(list.Meta.Total, Is.EqualTo(1));
        Assert.That(list.Meta.Limit, Is.EqualTo(10));
        var query = (await WireMockFixture.Server.RequestsAsync()).Single()["queryParams"]!.AsObject();
        Assert.That(query["page[limit]"]!["values"]![0]!.GetValue<string>(), Is.EqualTo("10"));
        Assert.That(query["page[offset]"]!["values"]![0]!.GetValue<string>(), Is.EqualTo("0"));
        Assert.That(query["sort"]!["values"]![0]!.GetValue<string>(), Is.EqualTo("-created_at"));
    }

    [Test]
    public async Task Reset_forgets_api_stubs_and_the_journal_but_keeps_mapping_files()
    {
        await WireMockFixture.Server.StubAsync(JsonNode.Parse("""{"request":{"method":"GET","url":"/core/"},"response":{"status":200,"jsonBody":{"version":"0.8.13","timestamp":1795314817036}}}""")!.AsObject());
        Assert.That((await Client().GetStatusAsync()).Version, Is.EqualTo("0.8.13"));

        await WireMockFixture.Server.ResetAsync();

        Assert.That(await WireMockFixture.Server.RequestsAsync(withReleaseChecks: true), Is.Empty);
        // The mapping files answer again: the status of the package's own release among them.
        Assert.That((await Client().GetStatusAsync()).Version, Is.EqualTo(HubRelease.Hub));
        Assert.That((await Client().GetNodeAsync(Guid.Parse(NodeId)))!.Name, Is.EqualTo("node-a95747"));
    }
}
