using System.IO.Compression;
using FlameHub.Generated.Tests.Transport;
using FlameHub.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace FlameHub.Generated.Tests.Streaming;

/// <summary>Progress of uploads and downloads through the storage client, as the caller's IProgress sees it.</summary>
[NonParallelizable]
public class TransferProgressStreamingTests
{
    private const long Size = 100L * 1024 * 1024;
    private const int Buffer = 81920;
    private const long MemoryLimit = 64L * 1024 * 1024;

    // 100 MiB at 100 MiB/s: a second of transfer, ten intervals of the rate limit.
    private const long Pace = 100L * 1024 * 1024;

    private static readonly Guid BucketId = Guid.Parse("166af743-cd30-427b-ab64-c9e5f752c1b5");
    private static readonly Guid FileId = Guid.Parse("5f9c3634-e511-4201-955d-98c99af9d1ff");

    private static StorageClient Client(LoopbackServer server) =>
        new(server.BaseAddress, new HubClientOptions { Credential = new StaticTokenAuth("token"), Timeout = Timeout.InfiniteTimeSpan, AttemptTimeout = Timeout.InfiniteTimeSpan });

    /// <summary>A storage server that counts the bytes of each upload's files and answers with one record per file.</summary>
    private sealed class UploadCounter
    {
        public List<long> Files { get; } = [];
        public bool Completed { get; private set; }

        public async Task HandleAsync(HttpContext context)
        {
            var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(context.Request.ContentType).Boundary).Value!;
            var reader = new MultipartReader(boundary, context.Request.Body);
            try
            {
                while (await reader.ReadNextSectionAsync() is { } section)
                {
                    var counter = new CountingStream();
                    await section.Body.CopyToAsync(counter);
                    Files.Add(counter.Count);
                }
                Completed = true;
            }
            catch (Exception exception) when (exception is IOException or BadHttpRequestException or OperationCanceledException)
            {
                return; // the client stopped sending
            }
            context.Response.StatusCode = StatusCodes.Status201Created;
            context.Response.ContentType = "application/json";
            var records = Files.Select((size, i) => $$$"""{"id":"{{{Guid.NewGuid()}}}","name":"f{{{i}}}","path":"f{{{i}}}","directory":"","size":{{{size}}},"bucket_id":"{{{BucketId}}}"}""");
            await context.Response.WriteAsync($$$"""{"data":[{{{string.Join(",", records)}}}],"meta":{"total":{{{Files.Count}}}}}""");
        }
    }

    private static void AssertBoundedAndRising(ProgressRecorder recorder, long total, TimeSpan elapsed)
    {
        var values = recorder.Values;
        TestContext.Out.WriteLine($"{values.Count} reports in {elapsed.TotalMilliseconds:F0} ms; gaps {string.Join(", ", recorder.Gaps.Select(g => g.TotalMilliseconds.ToString("F0")))} ms");
        Assert.That(values, Is.Not.Empty);
        Assert.That(values.Zip(values.Skip(1)).All(pair => pair.Second > pair.First), Is.True, "strictly increasing: " + string.Join(", ", values));
        Assert.That(values[^1], Is.EqualTo(total));
        Assert.That(values[0], Is.GreaterThan(0));
        // Paced to about a second: reports along the way, not only the final one.
        Assert.That(values, Has.Count.GreaterThanOrEqualTo(5));
        // At most one per 100 ms plus the final one, and far fewer than the buffers moved.
        Assert.That(values, Has.Count.LessThanOrEqualTo((int)(elapsed / TransferProgress.Interval) + 2));
        Assert.That(values, Has.Count.LessThan(total / Buffer / 4));
        Assert.That(recorder.Gaps.SkipLast(1), Has.All.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(95)));
    }

    [Test, CancelAfter(60_000)]
    public async Task A_100_MiB_upload_reports_rising_counts_at_a_bounded_rate_and_the_total_last(CancellationToken cancellationToken)
    {
        var server = new UploadCounter();
        await using var loopback = await LoopbackServer.StartAsync(server.HandleAsync);
        using var storage = Client(loopback);
        var recorder = new ProgressRecorder();

        long peak;
        TimeSpan elapsed;
        using (var sampler = new MemorySampler())
        {
            var pacer = new Pacer(Pace);
            GeneratedStream source = null!;
            source = new GeneratedStream(Size, seekable: true, onRead: () =>
            {
                sampler.Sample();
                pacer.Wait(source.Position);
            });
            var files = await storage.UploadToBucketAsync(BucketId, [new UploadFile("big/generated.bin", source)], recorder, cancellationToken);
            elapsed = pacer.Elapsed;
            Assert.That(files.Single().Size, Is.EqualTo(Size));
            sampler.Dispose();
            peak = sampler.PeakGrowth;
        }

        TestContext.Out.WriteLine($"upload: peak managed growth {peak / 1024.0 / 1024.0:F1} MiB");
        Assert.That(server.Files, Is.EqualTo(new[] { Size }));
        AssertBoundedAndRising(recorder, Size, elapsed);
        Assert.That(peak, Is.LessThan(MemoryLimit));
    }

    [Test, CancelAfter(60_000)]
    public async Task A_100_MiB_download_reports_rising_counts_at_a_bounded_rate_and_the_total_last(CancellationToken cancellationToken)
    {
        await using var loopback = await LoopbackServer.ServingGeneratedAsync(Size);
        using var storage = Client(loopback);
        var recorder = new ProgressRecorder();

        long peak;
        TimeSpan elapsed;
        var sink = new CountingStream();
        using (var sampler = new MemorySampler())
        {
            var pacer = new Pacer(Pace);
            sink.OnWrite = () =>
            {
                sampler.Sample();
                pacer.Wait(sink.Count);
            };
            await using (var stream = await storage.StreamBucketFileAsync(FileId, recorder, cancellationToken))
            {
                await stream.CopyToAsync(sink, cancellationToken);
            }
            elapsed = pacer.Elapsed;
            sampler.Dispose();
            peak = sampler.PeakGrowth;
        }

        TestContext.Out.WriteLine($"download: peak managed growth {peak / 1024.0 / 1024.0:F1} MiB");
        Assert.That(sink.Count, Is.EqualTo(Size));
        AssertBoundedAndRising(recorder, Size, elapsed);
        Assert.That(peak, Is.LessThan(MemoryLimit));
    }

    [Test, CancelAfter(20_000)]
    public async Task Several_files_count_as_one_transfer_of_their_bytes(CancellationToken cancellationToken)
    {
        var server = new UploadCounter();
        await using var loopback = await LoopbackServer.StartAsync(server.HandleAsync);
        using var storage = Client(loopback);
        var recorder = new ProgressRecorder();

        await storage.UploadToBucketAsync(BucketId,
            [new UploadFile("a.bin", new GeneratedStream(300_000)), new UploadFile("empty.txt", new MemoryStream()), new UploadFile("b.bin", new GeneratedStream(5))],
            recorder, cancellationToken);

        Assert.That(server.Files, Is.EqualTo(new[] { 300_000L, 0, 5 }));
        // All of it within the first interval: only the final report, of the files' bytes without the multipart framing.
        Assert.That(recorder.Values, Is.EqualTo(new[] { 300_005L }));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_body_sent_twice_never_shows_progress_going_back(CancellationToken cancellationToken)
    {
        var server = new UploadCounter();
        await using var loopback = await LoopbackServer.StartAsync(server.HandleAsync);
        var recorder = new ProgressRecorder();
        using var content = MultipartUpload.Create([new UploadFile("a.bin", new GeneratedStream(200_000, seekable: true))], recorder);
        using var client = new HttpClient();

        for (var i = 0; i < 2; i++)
        {
            using var response = await client.PostAsync(new Uri(loopback.BaseAddress, "upload"), content, cancellationToken);
            Assert.That((int)response.StatusCode, Is.EqualTo(201));
        }

        Assert.That(server.Files, Is.EqualTo(new[] { 200_000L, 200_000L }));
        // A slow machine may report once during the first send (the 100 ms interval passed); what
        // must never happen is a value that goes back when the body is sent again.
        Assert.That(recorder.Values, Is.Ordered.Ascending.And.Unique);
        Assert.That(recorder.Values[^1], Is.EqualTo(200_000L));
    }

    [TestCase(false, false)]
    [TestCase(false, true)]
    [TestCase(true, false)]
    [TestCase(true, true)]
    [CancelAfter(20_000)]
    public async Task Every_way_of_reading_a_download_is_counted(bool idleLimit, bool synchronous, CancellationToken cancellationToken)
    {
        await using var loopback = await LoopbackServer.StartAsync(async context =>
            await new GeneratedStream(2_000_000).CopyToAsync(context.Response.Body, context.RequestAborted));
        using var storage = new StorageClient(loopback.BaseAddress, new HubClientOptions
        {
            Credential = new StaticTokenAuth("token"),
            AttemptTimeout = idleLimit ? TimeSpan.FromSeconds(10) : Timeout.InfiniteTimeSpan,
        });
        var recorder = new ProgressRecorder();
        var sink = new CountingStream();

        await using (var stream = await storage.StreamBucketFileAsync(FileId, recorder, cancellationToken))
        {
            Assert.That(stream.ReadTimeout, Is.EqualTo(idleLimit ? 10_000 : Timeout.Infinite));
            if (synchronous) await Task.Run(() => stream.CopyTo(sink), cancellationToken);
            else await stream.CopyToAsync(sink, cancellationToken);
        }

        Assert.That(sink.Count, Is.EqualTo(2_000_000));
        Assert.That(recorder.Values[^1], Is.EqualTo(2_000_000));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_download_read_to_its_length_reports_the_total_without_reading_the_end(CancellationToken cancellationToken)
    {
        await using var loopback = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentLength = 1000;
            await new GeneratedStream(1000).CopyToAsync(context.Response.Body, context.RequestAborted);
        });
        using var storage = Client(loopback);
        var recorder = new ProgressRecorder();

        await using var stream = await storage.StreamBucketFileAsync(FileId, recorder, cancellationToken);
        await stream.ReadExactlyAsync(new byte[1000], cancellationToken);

        Assert.That(recorder.Values, Is.EqualTo(new[] { 1000L }));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_compressed_download_counts_the_bytes_the_caller_reads(CancellationToken cancellationToken)
    {
        var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true)) await new GeneratedStream(1_000_000).CopyToAsync(gzip, cancellationToken);
        await using var loopback = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.Headers.ContentEncoding = "gzip";
            context.Response.ContentLength = compressed.Length;
            await context.Response.Body.WriteAsync(compressed.ToArray());
        });
        using var storage = Client(loopback);
        var recorder = new ProgressRecorder();
        var sink = new CountingStream();

        await using (var stream = await storage.StreamBucketFileAsync(FileId, recorder, cancellationToken))
        {
            await stream.CopyToAsync(sink, cancellationToken);
        }

        Assert.That(compressed.Length, Is.LessThan(100_000));
        Assert.That(sink.Count, Is.EqualTo(1_000_000));
        Assert.That(recorder.Values, Is.EqualTo(new[] { 1_000_000L }));
    }

    [Test, CancelAfter(20_000)]
    public async Task An_empty_download_reports_zero_at_its_end(CancellationToken cancellationToken)
    {
        await using var loopback = await LoopbackServer.StartAsync(_ => Task.CompletedTask);
        using var storage = Client(loopback);
        var recorder = new ProgressRecorder();

        await using (var stream = await storage.StreamBucketFileAsync(FileId, recorder, cancellationToken))
        {
            Assert.That(await stream.ReadAsync(new byte[10], cancellationToken), Is.Zero);
        }

        Assert.That(recorder.Values, Is.EqualTo(new[] { 0L }));
    }

    [Test, CancelAfter(20_000)]
    public async Task Without_progress_the_same_bytes_go_up_and_come_down(CancellationToken cancellationToken)
    {
        var server = new UploadCounter();
        await using var uploads = await LoopbackServer.StartAsync(server.HandleAsync);
        await using var downloads = await LoopbackServer.StartAsync(async context =>
            await new GeneratedStream(300_000).CopyToAsync(context.Response.Body, context.RequestAborted));
        using var up = Client(uploads);
        using var down = Client(downloads);

        await up.UploadToBucketAsync(BucketId, [new UploadFile("a.bin", new GeneratedStream(300_000))], progress: null, cancellationToken);
        await up.UploadToBucketAsync(BucketId, [new UploadFile("a.bin", new GeneratedStream(300_000))], cancellationToken);
        var read = new List<byte[]>();
        foreach (var open in new Func<Task<Stream>>[] { () => down.StreamBucketFileAsync(FileId, progress: null, cancellationToken), () => down.StreamBucketFileAsync(FileId, cancellationToken) })
        {
            await using var stream = await open();
            var bytes = new MemoryStream();
            await stream.CopyToAsync(bytes, cancellationToken);
            read.Add(bytes.ToArray());
        }

        Assert.That(server.Files, Is.EqualTo(new[] { 300_000L, 300_000L }));
        var expected = Enumerable.Range(0, 300_000).Select(i => GeneratedStream.ByteAt(i)).ToArray();
        // SequenceEqual: NUnit's element-wise comparison of 300 KB takes half a second.
        Assert.That(read[0].AsSpan().SequenceEqual(expected), Is.True);
        Assert.That(read[1].AsSpan().SequenceEqual(expected), Is.True);
    }

    [Test, CancelAfter(20_000)]
    public async Task A_progress_that_throws_fails_the_upload_with_its_exception(CancellationToken cancellationToken)
    {
        var server = new UploadCounter();
        await using var loopback = await LoopbackServer.StartAsync(server.HandleAsync);
        using var storage = Client(loopback);
        var recorder = new ProgressRecorder { ThrowFrom = 0 };

        var error = await Hub.CatchBounded(() => storage.UploadToBucketAsync(BucketId, [new UploadFile("a.bin", new GeneratedStream(300_000))], recorder, cancellationToken));

        Assert.That(error, Is.InstanceOf<ProgressFailure>());
        Assert.That(error!.Message, Is.EqualTo("The progress handler failed at 300000 bytes."));
        Assert.That(recorder.Values, Is.EqualTo(new[] { 300_000L }));
        Assert.That(server.Completed, Is.False, "the server must not see a complete upload");
    }

    [Test, CancelAfter(20_000)]
    public async Task A_progress_that_throws_fails_the_read_with_its_exception(CancellationToken cancellationToken)
    {
        await using var loopback = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentLength = 300_000;
            await new GeneratedStream(300_000).CopyToAsync(context.Response.Body, context.RequestAborted);
        });
        using var storage = Client(loopback);
        var recorder = new ProgressRecorder { ThrowFrom = 0 };
        var sink = new CountingStream();

        var stream = await storage.StreamBucketFileAsync(FileId, recorder, cancellationToken);
        var error = await Hub.CatchBounded(() => stream.CopyToAsync(sink, cancellationToken));
        await stream.DisposeAsync();

        Assert.That(error, Is.InstanceOf<ProgressFailure>());
        Assert.That(error!.Message, Is.EqualTo("The progress handler failed at 300000 bytes."));
        // The read that reached the end reported and threw: its bytes never reached the caller.
        Assert.That(sink.Count, Is.LessThan(300_000));
    }
}
