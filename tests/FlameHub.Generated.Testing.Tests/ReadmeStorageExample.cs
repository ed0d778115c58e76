#region testing-storage-faults
using System.Formats.Tar;
using FlameHub;
using FlameHub.Storage;
using FlameHub.Testing;
using NUnit.Framework;

namespace MyCompany.ResultSync.Tests;

public sealed class ResultSyncTests
{
    [Test]
    public async Task Results_are_archived_and_read_back_through_a_rate_limit_and_a_dropped_connection()
    {
        using var hub = new FakeHub();
        using var storage = new StorageClient(hub.StorageUrl,
            new HubClientOptions { Credential = hub.Admin, Retry = { BaseDelay = TimeSpan.Zero } }, hub.Handler);

        var bucket = await storage.CreateBucketAsync(new CreateBucket { Name = "results" });
        var files = await storage.UploadToBucketAsync(bucket.Id,
            new UploadFile("run-1/summary.csv", new MemoryStream("a,b\n1,2\n"u8.ToArray())));
        Assert.That(files[0].Directory, Is.EqualTo("run-1"));

        hub.Faults.RateLimitNext(HttpMethod.Get, "/storage/buckets", reset: TimeSpan.Zero); // 429, RateLimit-* headers
        hub.Faults.ResetNext(HttpMethod.Get, "/storage/buckets");                           // then a dropped connection
        await using var tar = new TarReader(await storage.StreamBucketAsync(bucket.Id));    // the client retried both
        Assert.That((await tar.GetNextEntryAsync())?.Name, Is.EqualTo("run-1/summary.csv"));
        Assert.That(hub.Faults.Answered, Is.EqualTo(2));
    }
}
#endregion
