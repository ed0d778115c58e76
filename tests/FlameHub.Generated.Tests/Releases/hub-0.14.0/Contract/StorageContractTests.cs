using System.Security.Cryptography;
using System.Text;
using FlameHub.Storage;

namespace FlameHub.Generated.Tests.Contract;

/// <summary>The status, buckets and bucket files of the storage service (Hub 0.14.0), against the recorded exchanges.</summary>
public class StorageContractTests
{
    private static readonly Guid BucketId = Guid.Parse("d2c8cc5f-9c4d-45e5-a9ff-e655c8ebeed9");
    private static readonly Guid Bucket2Id = Guid.Parse("e2a1f783-be94-41f4-9877-84c6b1f172f5");
    private static readonly Guid HelloFileId = Guid.Parse("8bbb2828-00c3-454f-999c-2188a5e90cff");
    private static readonly Guid WorldFileId = Guid.Parse("2622a4b1-19f8-41ad-9d6f-97fd6e8b9f69");

    [SetUp]
    public Task Reset() => WireMockFixture.Server.ResetAsync();

    [Test]
    public async Task Exchange_84_storage_status()
    {
        var exchange = await Exchange.StubAsync(84);
        // Recorded without a token: the status is public.
        using var storage = ContractClients.Storage(credential: null);

        var status = await storage.GetStatusAsync();

        await exchange.AssertSentAsync();
        ModelAssert.Populated(status, exchange.ResponseBody);
    }

    [Test]
    public async Task Exchange_23_bucket_create()
    {
        var exchange = await Exchange.StubAsync(23);
        using var storage = ContractClients.Storage();

        var bucket = await storage.CreateBucketAsync(new CreateBucket { Name = "hub14-bucket-093059" });

        await exchange.AssertSentAsync();
        ModelAssert.Populated(bucket, exchange.Data);
        Assert.That(bucket.Id, Is.EqualTo(BucketId));
    }

    [Test]
    public async Task Exchange_24_bucket_get()
    {
        var exchange = await Exchange.StubAsync(24);
        using var storage = ContractClients.Storage();

        var bucket = await storage.GetBucketAsync(BucketId);

        await exchange.AssertSentAsync();
        ModelAssert.Populated(bucket, exchange.Data);
    }

    [Test]
    public async Task Exchange_25_bucket_upload_one_file()
    {
        var exchange = await Exchange.StubAsync(25);
        using var storage = ContractClients.Storage();
        using var hello = new MemoryStream(Encoding.UTF8.GetBytes("hello from the hub14 rig 093059\n"));

        var files = await storage.UploadToBucketAsync(BucketId, new UploadFile("hello.txt", hello, "text/plain"));

        // Compared: each part's field name, file name, content type and content, as recorded.
        await exchange.AssertSentAsync();
        var recorded = exchange.Data!.AsArray();
        Assert.That(files, Has.Count.EqualTo(recorded.Count));
        for (var i = 0; i < files.Count; i++) ModelAssert.Populated(files[i], recorded[i]);
        Assert.That(files.Single().Id, Is.EqualTo(HelloFileId));
    }

    [Test]
    public async Task Exchange_26_bucket_files_filter_bucket()
    {
        var exchange = await Exchange.StubAsync(26);
        using var storage = ContractClients.Storage();

        var files = await storage.FindBucketFilesAsync(new FindOptions
        {
            Filter = { [BucketFileFields.BucketId] = BucketId },
            Include = { UseDefaults = false },
        });

        await exchange.AssertSentAsync();
        ModelAssert.PopulatedList(files, exchange.ResponseBody);
    }

    [Test]
    public async Task Exchange_27_bucket_file_stream_returns_the_bytes_unchanged()
    {
        // Recorded in full: the upload's 32 bytes, served with the upload's content type.
        var exchange = Exchange.Load(27);
        var bytes = Encoding.UTF8.GetBytes(exchange.ResponseBody!.GetValue<string>());
        await exchange.StubBytesAsync(bytes, "text/plain; charset=utf-8");
        using var storage = ContractClients.Storage();

        await using var stream = await storage.StreamBucketFileAsync(HelloFileId);
        using var received = new MemoryStream();
        await stream.CopyToAsync(received);

        await exchange.AssertSentAsync();
        Assert.That(received.ToArray(), Is.EqualTo(bytes));
    }

    [Test]
    public async Task Exchange_28_bucket_file_delete()
    {
        var exchange = await Exchange.StubAsync(28);
        using var storage = ContractClients.Storage();

        await storage.DeleteBucketFileAsync(HelloFileId);

        await exchange.AssertSentAsync();
    }

    [Test]
    public async Task Exchange_29_bucket_get_not_found_is_null()
    {
        var exchange = await Exchange.StubAsync(29);
        using var storage = ContractClients.Storage();

        var bucket = await storage.GetBucketAsync(Guid.Parse("6c70fc07-89fc-45a1-ace6-7f1d293d27ce"));

        await exchange.AssertSentAsync();
        Assert.That(bucket, Is.Null);
    }

    [Test]
    public async Task Exchange_85_bucket_create()
    {
        var exchange = await Exchange.StubAsync(85);
        using var storage = ContractClients.Storage();

        var bucket = await storage.CreateBucketAsync(new CreateBucket { Name = "hub14-bucket2-093059" });

        await exchange.AssertSentAsync();
        ModelAssert.Populated(bucket, exchange.Data);
        Assert.That(bucket.Id, Is.EqualTo(Bucket2Id));
    }

    [Test]
    public async Task Exchange_86_bucket_upload_another_file()
    {
        var exchange = await Exchange.StubAsync(86);
        using var storage = ContractClients.Storage();
        using var world = new MemoryStream(Encoding.UTF8.GetBytes("hello world 093059\n"));

        var files = await storage.UploadToBucketAsync(Bucket2Id, new UploadFile("world.txt", world, "text/plain"));

        await exchange.AssertSentAsync();
        ModelAssert.Populated(files.Single(), exchange.Data![0]);
        Assert.That(files.Single().Id, Is.EqualTo(WorldFileId));
    }

    [Test]
    public async Task Exchange_87_buckets_filter_page_limit_sort()
    {
        var exchange = await Exchange.StubAsync(87);
        using var storage = ContractClients.Storage();

        var buckets = await storage.FindBucketsAsync(new FindOptions
        {
            Filter = { [BucketFields.Name] = "hub14-bucket2-093059" },
            Page = new Page(Limit: 5),
            Sort = { "-" + BucketFields.CreatedAt },
        });

        await exchange.AssertSentAsync(ContractClients.OffsetZero);
        ModelAssert.PopulatedList(buckets, exchange.ResponseBody);
    }

    [Test]
    public async Task Exchange_88_bucket_get_by_name()
    {
        var exchange = await Exchange.StubAsync(88);
        using var storage = ContractClients.Storage();

        var bucket = await storage.GetBucketAsync("hub14-bucket2-093059");

        await exchange.AssertSentAsync();
        ModelAssert.Populated(bucket, exchange.Data);
        Assert.That(bucket!.Id, Is.EqualTo(Bucket2Id));
    }

    [Test]
    public async Task Exchange_89_bucket_stream_tar_returns_the_recorded_bytes()
    {
        // Recorded as its first 512 bytes (the tar header of world.txt), length and SHA-256: the rest is
        // the file exchange 86 uploaded and the tar's zero padding, and the SHA-256 proves the whole.
        var exchange = Exchange.Load(89);
        var recorded = exchange.ResponseBody!;
        var bytes = new byte[recorded["length"]!.GetValue<int>()];
        Convert.FromBase64String(recorded["base64_prefix"]!.GetValue<string>()).CopyTo(bytes, 0);
        Encoding.UTF8.GetBytes("hello world 093059\n").CopyTo(bytes, 512);
        Assert.That(Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant(), Is.EqualTo(recorded["sha256"]!.GetValue<string>()), "the recorded tar, byte for byte");
        await exchange.StubBytesAsync(bytes, "application/x-tar");
        using var storage = ContractClients.Storage();

        await using var stream = await storage.StreamBucketAsync(Bucket2Id);
        using var received = new MemoryStream();
        await stream.CopyToAsync(received);

        await exchange.AssertSentAsync();
        Assert.That(received.ToArray(), Is.EqualTo(bytes));
    }

    [Test]
    public async Task Exchange_90_bucket_file_get_default_include_bucket()
    {
        var exchange = await Exchange.StubAsync(90);
        using var storage = ContractClients.Storage();

        // No Include given: the default is exactly the recorded include=bucket.
        var file = await storage.GetBucketFileAsync(WorldFileId);

        await exchange.AssertSentAsync();
        ModelAssert.Populated(file, exchange.Data);
        Assert.That(file!.Bucket, Is.TypeOf<Bucket>());
    }

    [Test]
    public async Task Exchange_91_non_empty_bucket_delete_succeeds()
    {
        var exchange = await Exchange.StubAsync(91);
        using var storage = ContractClients.Storage();

        // Hub 0.8.13 refused this (BucketNotEmpty); 0.14.0 answers 202.
        await storage.DeleteBucketAsync(Bucket2Id);

        await exchange.AssertSentAsync();
    }

    [Test]
    public async Task Exchange_92_empty_bucket_delete()
    {
        var exchange = await Exchange.StubAsync(92);
        using var storage = ContractClients.Storage();

        await storage.DeleteBucketAsync(BucketId);

        await exchange.AssertSentAsync();
    }
}
