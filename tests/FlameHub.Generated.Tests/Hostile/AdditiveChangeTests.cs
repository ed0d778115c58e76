using System.Text;
using FlameHub.Core;
using FlameHub.Generated.Tests.Streaming;
using Microsoft.AspNetCore.Http;

namespace FlameHub.Generated.Tests.Hostile;

/// <summary>
/// What a newer Hub adds (an enum member, a field, a relation) never fails a read: a page that holds
/// it is read whole, and ListAll goes on past it.
/// </summary>
public sealed class AdditiveChangeTests
{
    private const string Realm = "170b4592-4913-44db-9edf-6cb7fb9595d5";

    private static string NodeJson(int index, string type, string extra = "") =>
        $$"""{"id":"{{Guid.Parse($"00000000-0000-0000-0000-{index:D12}")}}","name":"node-{{index}}","hidden":false,"type":"{{type}}","online":false,"realm_id":"{{Realm}}","created_at":"2026-11-22T02:33:37.000Z","updated_at":"2026-11-22T02:33:38.000Z"{{extra}}}""";

    /// <summary>Two pages of two nodes; the second node of the first page has a type, a field and a relation no document declares.</summary>
    private static Task Pages(HttpContext context)
    {
        var offset = int.TryParse(context.Request.Query["page[offset]"], out var o) ? o : 0;
        var nodes = offset == 0
            ? new[] { NodeJson(0, "default"), NodeJson(1, "quantum", ",\"quantum_key\":\"abc\",\"federation\":{\"id\":\"x\",\"name\":\"f\"}") }
            : new[] { NodeJson(2, "aggregator"), NodeJson(3, "default") };
        var body = "{\"data\":[" + string.Join(",", nodes) + "],\"meta\":{\"total\":4,\"limit\":2,\"offset\":" + offset + "}}";
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(body);
    }

    [Test, CancelAfter(20_000)]
    public async Task A_page_with_an_unknown_node_type_is_read_whole()
    {
        await using var server = await LoopbackServer.StartAsync(Pages);
        using var core = new CoreClient(new Uri(server.BaseAddress, "core/"), new StaticTokenAuth("token"));

        var page = await core.FindNodesAsync(new FindOptions { Page = new Page(Limit: 2) });

        Assert.That(page.Select(n => n.Type?.ToString()), Is.EqualTo(new[] { "default", "quantum" }));
        Assert.That(page[1].Type, Is.Not.EqualTo(NodeType.Default).And.Not.EqualTo(NodeType.Aggregator));
        Assert.That(page[1].AdditionalProperties.Keys, Is.EquivalentTo(new[] { "quantum_key", "federation" }), "unknown fields and relations are kept");
    }

    [Test, CancelAfter(20_000)]
    public async Task ListAll_goes_on_past_a_node_with_an_unknown_type()
    {
        await using var server = await LoopbackServer.StartAsync(Pages);
        using var core = new CoreClient(new Uri(server.BaseAddress, "core/"), new StaticTokenAuth("token"));

        var names = new List<string?>();
        await foreach (var node in core.ListAllNodesAsync(new FindOptions { Page = new Page(Limit: 2) })) names.Add(node.Name);

        Assert.That(names, Is.EqualTo(new[] { "node-0", "node-1", "node-2", "node-3" }));
    }

    [Test, CancelAfter(20_000)]
    public async Task An_unknown_type_read_from_the_Hub_goes_back_unchanged_in_an_update()
    {
        string? sent = null;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Method == "POST")
            {
                using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
                sent = await reader.ReadToEndAsync();
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(NodeJson(1, "quantum"));
                return;
            }
            await Pages(context);
        });
        using var core = new CoreClient(new Uri(server.BaseAddress, "core/"), new StaticTokenAuth("token"));
        var node = (await core.FindNodesAsync(new FindOptions { Page = new Page(Limit: 2) }))[1];

        var updated = await core.UpdateNodeAsync(node, new UpdateNode { Type = node.Type, Hidden = true });

        Assert.That(sent, Is.EqualTo("""{"type":"quantum","hidden":true}"""));
        Assert.That(updated.Type, Is.EqualTo(new NodeType("quantum")));
    }
}
