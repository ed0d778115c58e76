using FlameHub.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace FlameHub.Generated.Tests.Streaming;

/// <summary>Large transfers through the storage client (whole pipeline) go through without holding their bytes in memory.</summary>
[NonParallelizable]
public class StreamingMemoryTests
{
    private const long Size = 300L * 1024 * 1024;
    private const long Limit = 64L * 1024 * 1024;

    [Test, CancelAfter(60_000)]
    public async Task A_300_MB_upload_streams(CancellationToken cancellationToken)
    {
        long received = -1;
        string? disposition = null;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(context.Request.ContentType).Boundary).Value!;
            var section = await new MultipartReader(boundary, context.Request.Body).ReadNextSectionAsync();
            disposition = section!.ContentDisposition;
            var counter = new CountingStream();
            await section.Body.CopyToAsync(counter);
            received = counter.Count;
            context.Response.StatusCode = StatusCodes.Status201Created;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($$$"""{"data":[{"id":"{{{FileId}}}","name":"generated.bin","path":"big/generated.bin","directory":"big","size":{{{counter.Count}}},"bucket_id":"{{{BucketId}}}"}],"meta":{"total":1}}""");
        });
        using var storage = Client(server);

        long peak;
        using (var sampler = new MemorySampler())
        {
            var source = new GeneratedStream(Size, onRead: sampler.Sample);
            var files = await storage.UploadToBucketAsync(BucketId, [new UploadFile("big/generated.bin", source)], cancellationToken);
            Assert.That(files.Single().Size, Is.EqualTo(Size));
            sampler.Dispose();
            peak = sampler.PeakGrowth;
        }

        TestContext.Out.WriteLine($"upload: peak managed growth {peak / 1024.0 / 1024.0:F1} MiB");
        Assert.That(received, Is.EqualTo(Size));
        Assert.That(disposition, Is.EqualTo("form-data; name=\"file\"; filename=\"big/generated.bin\""));
        Assert.That(peak, Is.LessThan(Limit));
    }

    [Test, CancelAfter(60_000)]
    public async Task A_300_MB_download_streams(CancellationToken cancellationToken)
    {
        await using var server = await LoopbackServer.ServingGeneratedAsync(Size);
        using var storage = Client(server);

        long peak;
        var counter = new CountingStream();
        using (var sampler = new MemorySampler())
        {
            counter.OnWrite = sampler.Sample;
            await using (var stream = await storage.StreamBucketFileAsync(FileId, cancellationToken))
            {
                await stream.CopyToAsync(counter, cancellationToken);
            }
            sampler.Dispose();
            peak = sampler.PeakGrowth;
        }

        TestContext.Out.WriteLine($"download: peak managed growth {peak / 1024.0 / 1024.0:F1} MiB");
        Assert.That(counter.Count, Is.EqualTo(Size));
        Assert.That(peak, Is.LessThan(Limit));
    }

    private static readonly Guid BucketId = Guid.Parse("166af743-cd30-427b-ab64-c9e5f752c1b5");
    private static readonly Guid FileId = Guid.Parse("5f9c3634-e511-4201-955d-98c99af9d1ff");

    private static StorageClient Client(LoopbackServer server) =>
        new(server.BaseAddress, new HubClientOptions { Credential = new StaticTokenAuth("token"), Timeout = Timeout.InfiniteTimeSpan, AttemptTimeout = Timeout.InfiniteTimeSpan });
}
