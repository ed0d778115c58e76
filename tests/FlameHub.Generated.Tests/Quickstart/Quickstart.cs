using FlameHub.Auth;
using FlameHub.Core;
using FlameHub.Storage;

namespace FlameHub.Generated.Tests.Quickstart;

/// <summary>What the README's quickstart saw, for the tests to check.</summary>
internal sealed record QuickstartResult(
    Realm Master, Node Created, Node? Same, Node? None, HubList<Node> Page, int ListedHidden,
    User Admin, Bucket Bucket, IReadOnlyList<BucketFile> Files, byte[] Content);

/// <summary>
/// The README's quickstart, statement for statement; only the names carry a suffix and the file
/// path is a parameter, so that it can also run against a live Hub and clean up after itself.
/// </summary>
internal static class Quickstart
{
    public static async Task<QuickstartResult> RunAsync(Uri hub, string user, string password, string helloPath, string suffix = "")
    {
        #region quickstart
        var auth = new PasswordAuth(user, password, new Uri(hub, "auth/"));
        using var authClient = new AuthClient(new Uri(hub, "auth/"), auth);
        using var core = new CoreClient(new Uri(hub, "core/"), auth);
        using var storage = new StorageClient(new Uri(hub, "storage/"), auth);

        var master = (await authClient.FindRealmsAsync(new FindOptions { Filter = { ["name"] = "master" } })).Single();

        var node = await core.CreateNodeAsync(new CreateNode { Name = "my-node" + suffix, RealmId = master.Id });
        await core.UpdateNodeAsync(node.Id, new UpdateNode { Hidden = true, ExternalName = null });
        Node? same = await core.GetNodeAsync(node.Id);        // same.Hidden == true, same.ExternalName == null
        Node? none = await core.GetNodeAsync(Guid.NewGuid()); // null: the Hub's not-found answer is no error for a single get
        await core.DeleteNodeAsync(node.Id);

        var page = await core.FindNodesAsync(new FindOptions {
            Filter = { ["name"] = Filter.StartsWith("my-node") },
            Page = new Page(Limit: 10, Offset: 10),
            Sort = { "-" + NodeFields.CreatedAt } });
        Console.WriteLine($"{page.Count} of {page.Meta.Total}");
        var listed = 0;
        await foreach (Node n in core.ListAllNodesAsync(new FindOptions { Filter = { ["hidden"] = false } })) { listed++; }

        User admin = (await authClient.FindUsersAsync(new FindOptions { Filter = { ["name"] = user } })).Single();
        Console.WriteLine(admin.Realm!.Name); // "master": includable relations are included by default

        var bucket = await storage.CreateBucketAsync(new CreateBucket { Name = "my-bucket" + suffix });
        IReadOnlyList<BucketFile> files = await storage.UploadToBucketAsync(bucket.Id,
            new UploadFile("data/hello.txt", File.OpenRead(helloPath)));
        await using Stream content = await storage.StreamBucketFileAsync(files[0].Id);
        #endregion

        using var bytes = new MemoryStream();
        await content.CopyToAsync(bytes);
        return new QuickstartResult(master, node, same, none, page, listed, admin, bucket, files, bytes.ToArray());
    }
}
