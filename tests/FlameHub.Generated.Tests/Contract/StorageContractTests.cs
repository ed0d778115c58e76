using System.Text;
using FlameHub.Storage;

namespace FlameHub.Generated.Tests.Contract;

/// <summary>Buckets and bucket files on the storage service, against the recorded exchanges.</summary>
public class StorageContractTests
{
    private static readonly Guid BucketId = Guid.Parse("166af743-cd30-427b-ab64-c9e5f752c1b5");
    private static readonly Guid WorldFileId = Guid.Parse("5f9c3634-e511-4201-955d-98c99af9d1ff");
    private static readonly Guid DataFileId = Guid.Parse("84fe7d08-df13-4d7d-94a1-9721314fd8c4");

    [SetUp]
    public Task Reset() => WireMockFixture.Server.ResetAsync();

    [Test]
    public async Task Exchange_48_bucket_create()
    {
        var exchange = await Exchange.StubAsync(48);
        using var storage = ContractClients.Storage();

        var bucket = await storage.CreateBucketAsync(new CreateBucket { Name = "bucket-a95747" });

        await exchange.AssertSentAsync();
        ModelAssert.Populated(bucket, exchange.ResponseBody);
        Assert.That(bucket.Id, Is.EqualTo(BucketId));
    }

    [Test]
    public async Task Exchange_49_buckets_filter_page_limit_sort()
    {
        var exchange = await Exchange.StubAsync(49);
        using var storage = ContractClients.Storage();

        // Buckets have no includable relation, so the default sends no include.
        var buckets = await storage.FindBucketsAsync(new FindOptions
        {
            Filter = { [BucketFields.Name] = "bucket-a95747" },
            Page = new Page(Limit: 5),
            Sort = { "-" + BucketFields.CreatedAt },
        });

        // Recorded with page[limit] only; Page always sends page[offset] too, here 0.
        await exchange.AssertSentAsync(ContractClients.OffsetZero);
        ModelAssert.PopulatedList(buckets, exchange.ResponseBody);
    }

    [Test]
    public async Task Exchange_50_bucket_upload_two_files()
    {
        var exchange = await Exchange.StubAsync(50);
        using var storage = ContractClients.Storage();
        using var world = new MemoryStream(Encoding.ASCII.GetBytes("hello world\n"));
        using var data = new MemoryStream(Enumerable.Range(0, 256).Select(i => (byte)i).ToArray());

        var files = await storage.UploadToBucketAsync(BucketId,
            new UploadFile("hello/world.txt", world, "text/plain"),
            new UploadFile("data.bin", data));

        // Compared: the parts' field names and file names (file, file2), as recorded.
        await exchange.AssertSentAsync();
        var recorded = exchange.ResponseBody!["data"]!.AsArray();
        Assert.That(files, Has.Count.EqualTo(recorded.Count));
        for (var i = 0; i < files.Count; i++) ModelAssert.Populated(files[i], recorded[i]);
        Assert.That(files.Select(f => f.Id), Is.EqualTo(new[] { WorldFileId, DataFileId }));
    }

    [Test]
    public async Task Exchange_51_bucket_files_filter_include_bucket()
    {
        var exchange = await Exchange.StubAsync(51);
        using var storage = ContractClients.Storage();

        // No Include given: the default is exactly the recorded include=bucket.
        var files = await storage.FindBucketFilesAsync(new FindOptions { Filter = { [BucketFileFields.BucketId] = BucketId } });

        await exchange.AssertSentAsync();
        ModelAssert.PopulatedList(files, exchange.ResponseBody);
        Assert.That(files.Select(f => f.Bucket), Is.All.TypeOf<Bucket>());
    }

    [Test]
    public async Task Exchange_52_bucket_file_get()
    {
        var exchange = await Exchange.StubAsync(52);
        using var storage = ContractClients.Storage();

        var file = await storage.GetBucketFileAsync(WorldFileId, new FindOptions { Include = { UseDefaults = false } });

        await exchange.AssertSentAsync();
        ModelAssert.Populated(file, exchange.ResponseBody);
    }

    [Test]
    public async Task Exchange_55_bucket_get_by_name()
    {
        var exchange = await Exchange.StubAsync(55);
        using var storage = ContractClients.Storage();

        var bucket = await storage.GetBucketAsync("bucket-a95747", new FindOptions { Include = { UseDefaults = false } });

        await exchange.AssertSentAsync();
        ModelAssert.Populated(bucket, exchange.ResponseBody);
    }

    [Test]
    public async Task Exchange_53_bucket_file_stream_returns_the_bytes_unchanged()
    {
        // Recorded: 12 bytes, "hello world\n", served as application/gzip (a content type, not a content
        // encoding: the client must not try to decompress it).
        var exchange = Exchange.Load(53);
        var bytes = Encoding.ASCII.GetBytes(exchange.ResponseBody!["text_preview"]!.GetValue<string>());
        Assert.That(bytes, Has.Length.EqualTo(exchange.ResponseBody["<bytes>"]!.GetValue<int>()));
        await exchange.StubBytesAsync(bytes, "application/gzip");
        using var storage = ContractClients.Storage();

        await using var stream = await storage.StreamBucketFileAsync(WorldFileId);
        using var received = new MemoryStream();
        await stream.CopyToAsync(received);

        await exchange.AssertSentAsync();
        Assert.That(received.ToArray(), Is.EqualTo(bytes));
    }

    [Test]
    public async Task Exchange_54_bucket_stream_tar_returns_the_bytes_unchanged()
    {
        // Recorded: a 3072-byte tar; the recording keeps only a preview, so the stub serves
        // 3072 bytes of its own that begin the same way and cover every byte value.
        var exchange = Exchange.Load(54);
        var length = exchange.ResponseBody!["<bytes>"]!.GetValue<int>();
        var bytes = new byte[length];
        for (var i = 0; i < length; i++) bytes[i] = (byte)(i * 7 % 256);
        Encoding.ASCII.GetBytes("hello/world.txt").CopyTo(bytes, 0);
        await exchange.StubBytesAsync(bytes, "application/x-tar");
        using var storage = ContractClients.Storage();

        await using var stream = await storage.StreamBucketAsync(BucketId);
        using var received = new MemoryStream();
        await stream.CopyToAsync(received);

        await exchange.AssertSentAsync();
        Assert.That(received.ToArray(), Is.EqualTo(bytes));
    }

    [Test]
    public async Task Exchange_56_bucket_file_delete()
    {
        var exchange = await Exchange.StubAsync(56);
        using var storage = ContractClients.Storage();

        // The delete answers the removed file; DeleteBucketFileAsync is declared without a result, so only the request is compared.
        await storage.DeleteBucketFileAsync(DataFileId);

        await exchange.AssertSentAsync();
    }
}
