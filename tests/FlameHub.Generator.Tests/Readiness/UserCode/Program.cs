// User code written against the library for Hub 0.8: C# names and field constants only, no
// wire names. The readiness test compiles this same text against a 0.8 (snake_case) and a
// 0.14-style (camelCase, enveloped) build and runs it against a stub of each.
using FlameHub;
using FlameHub.Core;

using var core = new CoreClient(new Uri(args[0]));
var realmId = Guid.Parse(args[1]);

Node node = await core.CreateNodeAsync(new CreateNode { Name = "n", RealmId = realmId });
Node? same = await core.GetNodeAsync(node.Id);
HubList<Node> found = await core.FindNodesAsync(new FindOptions { Filter = { [NodeFields.RealmId] = realmId } });
Node updated = await core.UpdateNodeAsync(node.Id, new UpdateNode { ExternalName = null });
await core.DeleteNodeAsync(node);

Console.WriteLine($"created {node.Name} in {node.RealmId}");
Console.WriteLine($"got {same?.Id} registry {same?.Registry?.Name} external {same?.ExternalName ?? "null"}");
Console.WriteLine($"found {found.Count} of {found.Meta.Total} in {found[0].RealmId}");
Console.WriteLine($"updated external {updated.ExternalName ?? "null"} at {updated.CreatedAt:yyyy-MM-dd}");
Console.WriteLine($"fields {NodeFields.RealmId} {NodeFields.ExternalName}");
