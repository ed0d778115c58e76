using System.Formats.Tar;
using System.Security.Cryptography;
using FlameHub.Storage;
using FlameHub.Testing;
using FlameHub.Testing.Model;

namespace FlameHub.Generated.Testing.Tests;

/// <summary>
/// Buckets and files through the library's StorageClient: uploads name files from the part's
/// filename, downloads give the bytes back exactly (large ones from disk), a bucket streams as the
/// Hub's tar, and deleting a bucket that still holds files goes as the release's Hub lets it.
/// </summary>
public sealed class StorageTests
{
    [Test, CancelAfter(20_000)]
    public async Task Each_parts_filename_gives_the_files_path_directory_and_name_and_each_download_is_byte_exact()
    {
        using var hub = new FakeHub();
        using var storage = new StorageClient(hub.StorageUrl, hub.Admin, hub.Handler);
        var bucket = await storage.CreateBucketAsync(new CreateBucket { Name = "results" });
        byte[] nested = [.. "hello world\n"u8];
        var top = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();

        var files = await storage.UploadToBucketAsync(bucket.Id,
            new UploadFile("hello/world.txt", new MemoryStream(nested)), new UploadFile("data.bin", new MemoryStream(top)), new UploadFile("a/b/c.csv", new MemoryStream([])));

        // hub-api-notes.md 'Storage': hello/world.txt gives directory hello, data.bin gives '.'.
        Assert.That(files.Select(f => (f.Path, f.Directory, f.Name)), Is.EqualTo(new[] { ("hello/world.txt", "hello", "world.txt"), ("data.bin", ".", "data.bin"), ("a/b/c.csv", "a/b", "c.csv") }));
        Assert.That(files.Select(f => f.Size), Is.EqualTo(new[] { 12, 256, 0 }));
        Assert.That(files[0].Hash, Is.EqualTo(Convert.ToHexString(SHA256.HashData(nested)).ToLowerInvariant()));
        Assert.That(files.Select(f => f.BucketId), Is.All.EqualTo(bucket.Id));
        Assert.That(await ReadAllAsync(await storage.StreamBucketFileAsync(files[0].Id)), Is.EqualTo(nested));
        Assert.That(await ReadAllAsync(await storage.StreamBucketFileAsync(files[1].Id)), Is.EqualTo(top));
        Assert.That(await ReadAllAsync(await storage.StreamBucketFileAsync(files[2].Id)), Is.Empty);
        Assert.That(hub.StorageFolder, Is.Null, "small files stay in memory");
    }

    [Test, CancelAfter(60_000)]
    public async Task A_20_MiB_file_is_kept_in_a_temp_folder_streams_back_byte_exact_and_its_folder_goes_with_the_hub()
    {
        const int size = 20 * 1024 * 1024;
        var content = new byte[size];
        new Random(15).NextBytes(content);
        string folder;
        using (var hub = new FakeHub())
        {
            using var storage = new StorageClient(hub.StorageUrl, hub.Admin, hub.Handler);
            var bucket = await storage.CreateBucketAsync(new CreateBucket { Name = "large" });

            var file = (await storage.UploadToBucketAsync(bucket.Id, new UploadFile("big/blob.bin", new MemoryStream(content)))).Single();

            Assert.That(file.Size, Is.EqualTo(size));
            folder = hub.StorageFolder!;
            Assert.That(folder, Is.Not.Null, "past the memory limit the bytes go to disk");
            Assert.That(Directory.GetFiles(folder).Select(f => new FileInfo(f).Length), Is.EqualTo(new long[] { size }));
            await using (var download = await storage.StreamBucketFileAsync(file.Id))
            {
                // Hashed as it is read: the test holds no second copy either.
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[81920];
                long total = 0;
                for (int read; (read = await download.ReadAsync(buffer)) > 0; total += read) hash.AppendData(buffer, 0, read);
                Assert.That(total, Is.EqualTo(size));
                Assert.That(hash.GetHashAndReset(), Is.EqualTo(SHA256.HashData(content)), "the download is byte-exact");
            }
        }
        Assert.That(Directory.Exists(folder), Is.False, "Dispose deletes the stored files");
    }

    [Test, CancelAfter(20_000)]
    public async Task A_bucket_streams_as_the_Hubs_ustar_archive_of_its_files_named_by_path()
    {
        using var hub = new FakeHub();
        using var storage = new StorageClient(hub.StorageUrl, hub.Admin, hub.Handler);
        var bucket = await storage.CreateBucketAsync(new CreateBucket { Name = "archive" });
        var other = await storage.CreateBucketAsync(new CreateBucket { Name = "other" });
        byte[] world = [.. "hello world\n"u8];
        var data = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        await storage.UploadToBucketAsync(bucket.Id, new UploadFile("hello/world.txt", new MemoryStream(world)), new UploadFile("data.bin", new MemoryStream(data)));
        await storage.UploadToBucketAsync(other.Id, new UploadFile("elsewhere.txt", new MemoryStream([1, 2, 3])));

        using var archive = new MemoryStream();
        await using (var stream = await storage.StreamBucketAsync(bucket.Id)) await stream.CopyToAsync(archive);

        // Exchange 54 (0.8.13): files of 12 and 256 bytes gave a 3072-byte tar: a header and one data block each, two end blocks.
        Assert.That(archive.Length, Is.EqualTo(3072));
        archive.Position = 0;
        var entries = new List<(string Name, TarEntryFormat Format, TarEntryType Type, byte[] Content)>();
        await using (var reader = new TarReader(archive))
        {
            while (await reader.GetNextEntryAsync(copyData: true) is { } entry)
            {
                entries.Add((entry.Name, entry.Format, entry.EntryType, entry.DataStream is null ? [] : await ReadAllAsync(entry.DataStream)));
            }
        }
        Assert.That(entries.Select(e => e.Name), Is.EqualTo(new[] { "hello/world.txt", "data.bin" }), "only this bucket's files, named by path");
        Assert.That(entries.Select(e => (e.Format, e.Type)), Is.All.EqualTo((TarEntryFormat.Ustar, TarEntryType.RegularFile)));
        Assert.That(entries[0].Content, Is.EqualTo(world));
        Assert.That(entries[1].Content, Is.EqualTo(data));
    }

    [Test, CancelAfter(20_000)]
    public async Task An_empty_bucket_streams_as_an_empty_archive()
    {
        using var hub = new FakeHub();
        using var storage = new StorageClient(hub.StorageUrl, hub.Admin, hub.Handler);
        var bucket = await storage.CreateBucketAsync(new CreateBucket { Name = "empty" });

        await using var stream = await storage.StreamBucketAsync(bucket.Id);
        var bytes = await ReadAllAsync(stream);

        Assert.That(bytes, Has.Length.EqualTo(1024).And.All.EqualTo(0), "two end blocks");
    }

    [Test, CancelAfter(20_000)]
    public async Task An_upload_to_a_bucket_that_does_not_exist_is_a_404_and_stores_nothing()
    {
        using var hub = new FakeHub();
        using var storage = new StorageClient(hub.StorageUrl, hub.Admin, hub.Handler);

        var refused = Assert.ThrowsAsync<HubApiException>(() => storage.UploadToBucketAsync(Guid.NewGuid(), new UploadFile("lost.txt", new MemoryStream([1]))));

        Assert.That(refused!.StatusCode, Is.EqualTo(404));
        Assert.That((await storage.FindBucketFilesAsync()).Meta.Total, Is.Zero);
    }

    [Test, CancelAfter(20_000)]
    public async Task A_deleted_file_can_no_longer_be_read_or_downloaded()
    {
        using var hub = new FakeHub();
        using var storage = new StorageClient(hub.StorageUrl, hub.Admin, hub.Handler);
        var bucket = await storage.CreateBucketAsync(new CreateBucket { Name = "short-lived" });
        var file = (await storage.UploadToBucketAsync(bucket.Id, new UploadFile("x.txt", new MemoryStream([1])))).Single();

        await storage.DeleteBucketFileAsync(file.Id);

        Assert.That(await storage.GetBucketFileAsync(file.Id), Is.Null);
        var refused = Assert.ThrowsAsync<HubApiException>(() => storage.StreamBucketFileAsync(file.Id));
        Assert.That(refused!.StatusCode, Is.EqualTo(404));
    }

    [Test, CancelAfter(20_000)]
    public async Task Deleting_a_bucket_that_holds_files_goes_as_the_releases_Hub_lets_it()
    {
        using var hub = new FakeHub();
        using var storage = new StorageClient(hub.StorageUrl, hub.Admin, hub.Handler);
        var bucket = await storage.CreateBucketAsync(new CreateBucket { Name = "full" });
        var file = (await storage.UploadToBucketAsync(bucket.Id, new UploadFile("kept.txt", new MemoryStream([7, 8, 9])))).Single();
        var refusal = FakeQuirks.Load().Transfers.RefuseNonEmptyDelete;

        if (refusal is not null)
        {
            // 0.8.13: MinIO will not remove a bucket that holds objects; the bucket and its file stay.
            var refused = Assert.ThrowsAsync<HubApiException>(() => storage.DeleteBucketAsync(bucket.Id));
            Assert.That(refused!.StatusCode, Is.EqualTo(refusal.Status));
            Assert.That(await storage.GetBucketAsync(bucket.Id), Is.Not.Null);
            Assert.That(await ReadAllAsync(await storage.StreamBucketFileAsync(file.Id)), Is.EqualTo(new byte[] { 7, 8, 9 }));

            await storage.DeleteBucketFileAsync(file.Id);
            await storage.DeleteBucketAsync(bucket.Id);
            Assert.That(await storage.GetBucketAsync(bucket.Id), Is.Null, "an emptied bucket can be deleted");
        }
        else
        {
            // 0.14.0 (exchange 91): the delete is accepted and the files go with the bucket.
            await storage.DeleteBucketAsync(bucket.Id);
            Assert.That(await storage.GetBucketAsync(bucket.Id), Is.Null);
            Assert.That(await storage.GetBucketFileAsync(file.Id), Is.Null, "the file went with its bucket");
            Assert.That((await storage.FindBucketFilesAsync()).Meta.Total, Is.Zero);
            var gone = Assert.ThrowsAsync<HubApiException>(() => storage.StreamBucketFileAsync(file.Id));
            Assert.That(gone!.StatusCode, Is.EqualTo(404));
        }
    }

    [Test, CancelAfter(20_000)]
    public async Task Downloads_answer_with_the_releases_content_type_and_disposition()
    {
        using var hub = new FakeHub();
        using var storage = new StorageClient(hub.StorageUrl, hub.Admin, hub.Handler);
        using var raw = new HubWire(hub);
        var token = await raw.AdminTokenAsync();
        var bucket = await storage.CreateBucketAsync(new CreateBucket { Name = "typed" });
        var file = (await storage.UploadToBucketAsync(bucket.Id, new UploadFile("notes/readme.txt", new MemoryStream([65]), "text/plain"))).Single();
        var transfers = FakeQuirks.Load().Transfers;

        using var http = new HttpClient(hub.Handler, disposeHandler: false);
        async Task<(string? Type, string? Disposition)> HeadersAsync(string path)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(hub.StorageUrl, path));
            request.Headers.Authorization = new("Bearer", token);
            using var response = await http.SendAsync(request);
            Assert.That((int)response.StatusCode, Is.EqualTo(200), path);
            return (response.Content.Headers.ContentType?.ToString(),
                response.Content.Headers.TryGetValues("Content-Disposition", out var values) ? values.Single() : null);
        }

        // 0.8.13 (exchange 53): application/gzip, no disposition; 0.14.0 (exchange 27): the upload's type, attachment; filename=<name>.
        Assert.That(await HeadersAsync($"bucket-files/{file.Id}/stream"), Is.EqualTo((transfers.File.ContentType ?? "text/plain", transfers.File.DispositionFor("readme.txt", file.Id.ToString()))));
        // Exchanges 54 and 89: application/x-tar; 0.14.0 names the bucket's id as the file.
        Assert.That(await HeadersAsync($"buckets/{bucket.Id}/stream"), Is.EqualTo(("application/x-tar", transfers.Archive.DispositionFor(bucket.Id.ToString(), bucket.Id.ToString()))));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_bucket_streams_by_its_name_too_and_a_missing_one_is_a_404()
    {
        using var hub = new FakeHub();
        using var storage = new StorageClient(hub.StorageUrl, hub.Admin, hub.Handler);
        using var raw = new HubWire(hub);
        var token = await raw.AdminTokenAsync();
        var bucket = await storage.CreateBucketAsync(new CreateBucket { Name = "named" });
        await storage.UploadToBucketAsync(bucket.Id, new UploadFile("one.txt", new MemoryStream([1])));

        // hub-api-notes.md: a bucket is also found by its name (exchange 55).
        var (status, _) = await raw.SendAsync(HttpMethod.Get, new Uri(hub.StorageUrl, "buckets/named"), token);
        Assert.That(status, Is.EqualTo(200));
        using var http = new HttpClient(hub.Handler, disposeHandler: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(hub.StorageUrl, "buckets/named/stream"));
        request.Headers.Authorization = new("Bearer", token);
        using var byName = await http.SendAsync(request);
        Assert.That(await byName.Content.ReadAsByteArrayAsync(), Has.Length.EqualTo(2048), "one entry of one block and the end blocks");

        var missing = Assert.ThrowsAsync<HubApiException>(() => storage.StreamBucketAsync(Guid.NewGuid()));
        Assert.That(missing!.StatusCode, Is.EqualTo(404));
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            return copy.ToArray();
        }
    }
}
