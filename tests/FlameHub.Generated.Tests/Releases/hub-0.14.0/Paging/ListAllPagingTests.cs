using System.Text.Json.Nodes;
using FlameHub.Core;
using FlameHub.Generated.Tests.Contract;

namespace FlameHub.Generated.Tests.Paging;

/// <summary>
/// Paging through a list on Hub 0.14.0's answers: the recorded nodes of exchange 61 served one per
/// page, each page with Hub 0.14.0's meta (total, limit, offset and its schema description).
/// </summary>
public class ListAllPagingTests
{
    [SetUp]
    public Task Reset() => WireMockFixture.Server.ResetAsync();

    [Test]
    public async Task ListAll_follows_meta_from_page_to_page_until_the_total()
    {
        var recorded = Exchange.Load(61).ResponseBody!.AsObject();
        var nodes = recorded["data"]!.AsArray();
        Assert.That(nodes, Has.Count.EqualTo(2));
        for (var offset = 0; offset < nodes.Count; offset++)
        {
            var meta = recorded["meta"]!.DeepClone().AsObject();
            meta["limit"] = 1;
            meta["offset"] = offset;
            var page = new JsonObject { ["data"] = new JsonArray(nodes[offset]!.DeepClone()), ["meta"] = meta };
            await WireMockFixture.Server.StubAsync(new JsonObject
            {
                ["request"] = new JsonObject
                {
                    ["method"] = "GET",
                    ["urlPath"] = "/core/nodes",
                    ["queryParameters"] = new JsonObject { ["page[offset]"] = new JsonObject { ["equalTo"] = offset.ToString(System.Globalization.CultureInfo.InvariantCulture) } },
                },
                ["response"] = new JsonObject
                {
                    ["status"] = 200,
                    ["headers"] = new JsonObject { ["Content-Type"] = "application/json; charset=utf-8" },
                    ["body"] = page.ToJsonString(),
                },
            });
        }
        using var core = ContractClients.Core();

        var listed = new List<Node>();
        await foreach (var node in core.ListAllNodesAsync(new FindOptions { Page = new Page(Limit: 1), Include = { UseDefaults = false } })) listed.Add(node);

        Assert.That(listed.Select(n => n.Id.ToString()), Is.EqualTo(nodes.Select(n => n!["id"]!.GetValue<string>())));
        var requests = await WireMockFixture.Server.RequestsAsync();
        Assert.That(requests.Select(r => r["queryParams"]!["page[offset]"]!["values"]![0]!.GetValue<string>()), Is.EqualTo(new[] { "0", "1" }),
            "one request per page, none past the total");
    }
}
