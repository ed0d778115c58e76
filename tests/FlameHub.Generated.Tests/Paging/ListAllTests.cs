using System.Text;
using System.Text.Json.Nodes;
using FlameHub.Core;

namespace FlameHub.Generated.Tests.Paging;

/// <summary>ListAll pages lazily through a large list served by WireMock, one page per request.</summary>
public sealed class ListAllTests
{
    private const int Total = 10_000;
    private const int PageSize = 50;

    [OneTimeSetUp]
    public async Task StubPagesAsync()
    {
        await WireMockFixture.Server.ResetAsync();
        for (var offset = 0; offset < Total; offset += PageSize)
        {
            await WireMockFixture.Server.StubAsync(PageStub(offset));
        }
    }

    [SetUp]
    public Task ForgetRequestsAsync() => WireMockFixture.Server.ClearRequestsAsync();

    [OneTimeTearDown]
    public Task ResetAsync() => WireMockFixture.Server.ResetAsync();

    private static CoreClient Client() => new(new Uri(WireMockFixture.Server.BaseUrl, "core/"), new StaticTokenAuth("token"));

    [Test]
    public async Task Every_item_of_10000_is_yielded_from_200_page_requests_in_order()
    {
        using var core = Client();
        var seen = 0;
        await foreach (var node in core.ListAllNodesAsync())
        {
            Assert.That(node.Id, Is.EqualTo(IdOf(seen)));
            seen++;
        }

        Assert.That(seen, Is.EqualTo(Total));
        var offsets = (await NodeRequestsAsync()).Select(r => int.Parse((string)r["queryParams"]!["page[offset]"]!["values"]![0]!)).ToList();
        Assert.That(offsets, Is.EqualTo(Enumerable.Range(0, Total / PageSize).Select(i => i * PageSize)));
    }

    [Test]
    public async Task Breaking_out_after_60_items_stops_at_the_second_page()
    {
        using var core = Client();
        var seen = 0;
        await foreach (var _ in core.ListAllNodesAsync())
        {
            if (++seen == 60) break;
        }

        Assert.That((await NodeRequestsAsync()).Count, Is.EqualTo(2));
    }

    [Test]
    public async Task The_callers_options_are_kept_on_every_page_and_not_changed()
    {
        using var core = Client();
        var options = new FindOptions { Sort = { "name" }, Include = { UseDefaults = false } };
        var seen = 0;
        await foreach (var _ in core.ListAllNodesAsync(options))
        {
            if (++seen == 120) break;
        }

        var requests = await NodeRequestsAsync();
        Assert.That(requests, Has.Count.EqualTo(3));
        Assert.That(requests.Select(r => (string)r["queryParams"]!["sort"]!["values"]![0]!), Is.All.EqualTo("name"));
        Assert.That(requests.Select(r => r["queryParams"]!["include"]), Is.All.Null);
        Assert.That(options.Page, Is.Null, "the caller's options stay as they were");
    }

    private static async Task<List<JsonObject>> NodeRequestsAsync() =>
        (await WireMockFixture.Server.RequestsAsync()).Where(r => ((string)r["url"]!).StartsWith("/core/nodes?")).ToList();

    private static Guid IdOf(int index) => Guid.Parse($"00000000-0000-4000-8000-{index:D12}");

    private static JsonObject PageStub(int offset)
    {
        var data = new StringBuilder();
        for (var i = offset; i < offset + PageSize; i++)
        {
            if (i > offset) data.Append(',');
            data.Append($$"""{"id":"{{IdOf(i)}}","name":"node-{{i}}","external_name":null,"public_key":null,"hidden":false,"type":"default","online":false,"registry_id":null,"registry_project_id":null,"robot_id":null,"realm_id":"ca468f35-fd65-4740-aeaf-95fdbfbb3c7a","created_at":"2026-11-22T02:33:37.000Z","updated_at":"2026-11-22T02:33:38.000Z"}""");
        }
        return new JsonObject
        {
            ["request"] = new JsonObject
            {
                ["method"] = "GET",
                ["urlPath"] = "/core/nodes",
                ["queryParameters"] = new JsonObject
                {
                    ["page[limit]"] = new JsonObject { ["equalTo"] = PageSize.ToString() },
                    ["page[offset]"] = new JsonObject { ["equalTo"] = offset.ToString() },
                },
            },
            ["response"] = new JsonObject
            {
                ["status"] = 200,
                ["headers"] = new JsonObject { ["Content-Type"] = "application/json" },
                ["body"] = $$$"""{"data":[{{{data}}}],"meta":{"total":{{{Total}}},"limit":{{{PageSize}}},"offset":{{{offset}}}}}""",
            },
        };
    }
}
