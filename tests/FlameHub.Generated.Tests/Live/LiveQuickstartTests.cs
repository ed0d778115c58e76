using System.Text;
using FlameHub.Generated.Tests.Quickstart;
using FlameHub.Core;
using FlameHub.Storage;

namespace FlameHub.Generated.Tests.Live;

/// <summary>
/// The quickstart against a <see cref="FakeHub"/> (every run) and a real Hub (with <c>FLAMEHUB_URL</c>), with
/// the same assertions (<see cref="HubTarget"/>); it removes the node and the bucket it creates.
/// </summary>
[Category("Live")]
[TestFixture(HubTarget.Fake)]
[TestFixture(HubTarget.Live)]
public sealed class LiveQuickstartTests(string target)
{
    [Test]
    public async Task The_quickstart_runs_against_the_Hub()
    {
        await using var targetHub = await HubTarget.StartAsync(target);
        var hub = targetHub.Hub;
        var suffix = "-" + Guid.NewGuid().ToString("N")[..8];
        var hello = Path.Combine(Path.GetTempPath(), $"hello{suffix}.txt");
        await File.WriteAllTextAsync(hello, "hello world\n");
        QuickstartResult? result = null;
        try
        {
            result = await Quickstart.Quickstart.RunAsync(hub.Url, hub.User, hub.Password, hello, suffix);

            Assert.That(result.Master.Name, Is.EqualTo("master"));
            Assert.That(result.Same!.Hidden, Is.True);
            Assert.That(result.Same.ExternalName, Is.Null);
            Assert.That(result.None, Is.Null);
            Assert.That(result.Page.Meta.Total, Is.GreaterThanOrEqualTo(result.Page.Count));
            Assert.That(result.Admin.Realm, Is.Not.Null, "includable relations are included by default");
            Assert.That(result.Files.Single().Path, Is.EqualTo("data/hello.txt"));
            Assert.That(Encoding.UTF8.GetString(result.Content), Is.EqualTo("hello world\n"));
        }
        finally
        {
            File.Delete(hello);
            await CleanUpAsync(hub, suffix);
        }
    }

    /// <summary>
    /// Removes what the quickstart created, in an order every release accepts: a bucket's files before the
    /// bucket (Hub 0.8.13 answers 500 <c>BucketNotEmpty</c> to deleting a bucket that holds files; 0.14.0 allows it).
    /// </summary>
    private static async Task CleanUpAsync(LiveHub hub, string suffix)
    {
        var auth = new PasswordAuth(hub.User, hub.Password, new Uri(hub.Url, "auth/"));
        using var core = new CoreClient(new Uri(hub.Url, "core/"), auth);
        using var storage = new StorageClient(new Uri(hub.Url, "storage/"), auth);
        // The quickstart deletes its node itself; one left behind by a failure goes here.
        foreach (var node in await core.FindNodesAsync(new FindOptions { Filter = { [NodeFields.Name] = "my-node" + suffix } })) await core.DeleteNodeAsync(node);
        if ((await storage.FindBucketsAsync(new FindOptions { Filter = { [BucketFields.Name] = "my-bucket" + suffix } })).SingleOrDefault() is not { } bucket) return;
        // Listed in full before any is deleted, so that deleting does not shift the pages being read.
        var files = new List<BucketFile>();
        await foreach (var file in storage.ListAllBucketFilesAsync(new FindOptions { Filter = { [BucketFileFields.BucketId] = bucket.Id } })) files.Add(file);
        foreach (var file in files) await storage.DeleteBucketFileAsync(file);
        await storage.DeleteBucketAsync(bucket);
    }
}
