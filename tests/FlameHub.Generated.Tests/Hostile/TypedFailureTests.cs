using System.Text;
using FlameHub.Core;
using FlameHub.Generated.Tests.Transport;
using FlameHub.Storage;

namespace FlameHub.Generated.Tests.Hostile;

/// <summary>Corrupt, cut-off and out-of-range answers end in the library's exception types, never in a decoder's or parser's own.</summary>
public class TypedFailureTests
{
    private static readonly byte[] NotGzip = Encoding.ASCII.GetBytes("this is not gzip at all, just text the server labelled gzip");

    private static HubClientOptions Options() => new()
    {
        Timeout = TimeSpan.FromSeconds(10),
        AttemptTimeout = TimeSpan.FromSeconds(5),
        Retry = new HubRetryOptions { MaxRetries = 0 },
    };

    private static CoreClient Core(RawHttpServer server) => new(new Uri(server.BaseAddress, "core/"), Options());

    private static StorageClient Storage(RawHttpServer server) => new(new Uri(server.BaseAddress, "storage/"), Options());

    private static RawHttpServer CorruptGzip(int status) => RawHttpServer.Start((_, stream, token) =>
        RawHttpServer.WriteAsync(stream, status, NotGzip, token, ("Content-Encoding", "gzip")));

    [Test, CancelAfter(20_000)]
    public async Task A_corrupt_gzip_answer_ends_in_HttpRequestException()
    {
        await using var server = CorruptGzip(200);
        using var core = Core(server);

        var error = await Hub.CatchBounded(() => core.GetNodeAsync(Hub.Node));

        Assert.That(error, Is.TypeOf<HttpRequestException>(), error?.ToString());
        Assert.That(error!.Message, Does.StartWith($"The answer to GET /core/nodes/{Hub.NodeId} could not be decompressed"));
        Assert.That(((HttpRequestException)error).HttpRequestError, Is.EqualTo(HttpRequestError.InvalidResponse));
        Assert.That(error.InnerException, Is.InstanceOf<InvalidDataException>());
    }

    [Test, CancelAfter(20_000)]
    public async Task A_corrupt_gzip_error_body_still_ends_in_HubApiException_with_the_status()
    {
        await using var server = CorruptGzip(500);
        using var core = Core(server);

        var error = await Hub.CatchBounded(() => core.GetNodeAsync(Hub.Node));

        Assert.That(error, Is.TypeOf<HubApiException>(), error?.ToString());
        Assert.That(((HubApiException)error!).StatusCode, Is.EqualTo(500));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_body_that_breaks_off_ends_in_HttpRequestException()
    {
        await using var server = RawHttpServer.Start(async (_, stream, token) =>
        {
            await RawHttpServer.WriteHeadAsync(stream, 200, token, ("Content-Length", "1000"), ("Connection", "close"));
            await stream.WriteAsync(Encoding.UTF8.GetBytes(Hub.NodeJson[..100]), token);
        });
        using var core = Core(server);

        var error = await Hub.CatchBounded(() => core.GetNodeAsync(Hub.Node));

        Assert.That(error, Is.TypeOf<HttpRequestException>(), error?.ToString());
        Assert.That(error!.Message, Does.StartWith($"The answer to GET /core/nodes/{Hub.NodeId} broke off while it was read"));
        Assert.That(((HttpRequestException)error).HttpRequestError, Is.EqualTo(HttpRequestError.ResponseEnded));
        Assert.That(error.InnerException, Is.InstanceOf<IOException>());
    }

    [Test, CancelAfter(20_000)]
    public async Task A_connection_closed_before_the_headers_ends_in_HttpRequestException()
    {
        await using var server = RawHttpServer.Start((_, _, _) => Task.CompletedTask);
        using var core = Core(server);

        var error = await Hub.CatchBounded(() => core.GetNodeAsync(Hub.Node));

        Assert.That(error, Is.TypeOf<HttpRequestException>(), error?.ToString());
    }

    [TestCase("1e400")]
    [TestCase("99999999999999999999")]
    [TestCase("-99999999999999999999")]
    [TestCase("2147483648")]
    [TestCase("1.5")]
    [CancelAfter(20_000)]
    public async Task A_number_too_large_for_its_property_ends_in_HubApiException_not_a_valid(string total)
    {
        await using var server = RawHttpServer.Answering(200, $$$"""{"data":[],"meta":{"total":{{{total}}},"limit":50,"offset":0}}""");
        using var core = Core(server);

        var error = await Hub.CatchBounded(() => core.FindNodesAsync());

        Assert.That(error, Is.TypeOf<HubApiException>(), error?.ToString());
        Assert.That(error!.Message, Does.Contain("not a valid"));
        Assert.That(((HubApiException)error).StatusCode, Is.EqualTo(200));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_corrupt_gzip_download_fails_its_read_with_HttpIOException()
    {
        await using var server = CorruptGzip(200);
        using var storage = Storage(server);
        await using var download = await Hub.Bounded(storage.StreamBucketFileAsync(Guid.NewGuid()));

        var error = await Hub.CatchBounded(() => download.CopyToAsync(Stream.Null));

        Assert.That(error, Is.TypeOf<HttpIOException>(), error?.ToString());
        Assert.That(((HttpIOException)error!).HttpRequestError, Is.EqualTo(HttpRequestError.InvalidResponse));
        Assert.That(error.Message, Does.StartWith("The download of GET /storage/bucket-files/").And.Contain("cannot be decompressed"));
        Assert.That(error.InnerException, Is.InstanceOf<InvalidDataException>());
    }

    [Test, CancelAfter(20_000)]
    public async Task A_corrupt_gzip_download_fails_a_synchronous_read_with_HttpIOException_too()
    {
        await using var server = CorruptGzip(200);
        using var storage = Storage(server);
        await using var download = await Hub.Bounded(storage.StreamBucketFileAsync(Guid.NewGuid()));
        download.ReadTimeout = Timeout.Infinite; // the direct synchronous path

        var error = await Hub.CatchBounded(() => Task.Run(() => download.CopyTo(Stream.Null)));

        Assert.That(error, Is.TypeOf<HttpIOException>(), error?.ToString());
        Assert.That(error!.InnerException, Is.InstanceOf<InvalidDataException>());
    }
}
