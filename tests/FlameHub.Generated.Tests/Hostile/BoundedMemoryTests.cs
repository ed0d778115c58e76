using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using FlameHub.Core;
using FlameHub.Generated.Tests.Transport;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json;

namespace FlameHub.Generated.Tests.Hostile;

/// <summary>Answers too large to hold, endless error bodies and slow deserialization: memory and time stay bounded.</summary>
public class BoundedMemoryTests
{
    private const long MiB = 1024 * 1024;

    private static HubClientOptions Options(long maxResponseBytes = HubClientOptions.DefaultMaxResponseBytes) => new()
    {
        Timeout = TimeSpan.FromSeconds(10),
        AttemptTimeout = TimeSpan.FromSeconds(10),
        Retry = new HubRetryOptions { MaxRetries = 0 },
        MaxResponseBytes = maxResponseBytes,
    };

    private static CoreClient Core(RawHttpServer server, HubClientOptions options) => new(new Uri(server.BaseAddress, "core/"), options);

    /// <summary>One gzip member holding 1 MiB of spaces; .NET's GZipStream reads members one after another.</summary>
    private static byte[] GzipMemberOfOneMiB()
    {
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize)) gzip.Write(Enumerable.Repeat((byte)' ', (int)MiB).ToArray());
        return compressed.ToArray();
    }

    [Test, CancelAfter(30_000)]
    public async Task A_gzip_bomb_ends_in_HubResponseTooLargeException_with_memory_bounded()
    {
        var member = GzipMemberOfOneMiB();
        const int members = 1024; // 1 GiB once decompressed, about 1 MiB on the wire
        var limit = 4 * MiB;
        await using var server = RawHttpServer.Start(async (_, stream, token) =>
        {
            await RawHttpServer.WriteHeadAsync(stream, 200, token, ("Content-Encoding", "gzip"), ("Content-Length", (member.Length * members).ToString()));
            for (var i = 0; i < members; i++) await stream.WriteAsync(member, token);
        });
        using var core = Core(server, Options(limit));
        var watch = Stopwatch.StartNew();
        Exception? error;
        long growth;
        using (var memory = new MemorySampler())
        {
            error = await Hub.CatchBounded(() => core.FindNodesAsync());
            memory.Dispose();
            growth = memory.PeakGrowth;
        }

        Assert.That(error, Is.TypeOf<HubResponseTooLargeException>(), error?.ToString());
        var tooLarge = (HubResponseTooLargeException)error!;
        Assert.That(tooLarge.Limit, Is.EqualTo(limit));
        Assert.That(tooLarge.StatusCode, Is.EqualTo(200));
        Assert.That(tooLarge.Message, Is.EqualTo("The answer to GET /core/nodes exceeded MaxResponseBytes (4 MiB); raise HubClientOptions.MaxResponseBytes if the Hub really sends that much."));
        Assert.That(growth, Is.LessThan(3 * limit + 4 * MiB), $"peak growth {growth / MiB} MiB");
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
        Assert.That(server.Received.Single().Headers["Accept-Encoding"], Does.Contain("gzip"), "the transport asked for gzip, so it decompresses");
    }

    [Test, CancelAfter(30_000)]
    public async Task A_Content_Length_over_the_limit_is_refused_before_the_body_is_read()
    {
        // The body never comes: a client that started reading it would wait for its Timeout.
        await using var server = RawHttpServer.Start(async (_, stream, token) =>
        {
            await RawHttpServer.WriteHeadAsync(stream, 200, token, ("Content-Length", (1024 * MiB).ToString()));
            await Task.Delay(Timeout.Infinite, token);
        });
        using var core = Core(server, Options());
        var watch = Stopwatch.StartNew();

        var error = await Hub.CatchBounded(() => core.FindNodesAsync());

        Assert.That(error, Is.TypeOf<HubResponseTooLargeException>(), error?.ToString());
        Assert.That(error!.Message, Does.Contain("exceeded MaxResponseBytes (32 MiB)"));
        Assert.That(((HubResponseTooLargeException)error).Limit, Is.EqualTo(32 * MiB));
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)), "refused at the headers, not after the 10 s Timeout");
    }

    [TestCase(1000, 1000, false)]
    [TestCase(1001, 1000, true)]
    [CancelAfter(20_000)]
    public async Task The_limit_counts_the_bytes_of_a_chunked_answer(int length, int limit, bool refused)
    {
        var json = Hub.EmptyListJson.PadRight(length);
        await using var server = RawHttpServer.Start(async (_, stream, token) =>
        {
            await RawHttpServer.WriteHeadAsync(stream, 200, token, ("Transfer-Encoding", "chunked"), ("Connection", "close"));
            await RawHttpServer.WriteChunkAsync(stream, Encoding.UTF8.GetBytes(json), token);
            await RawHttpServer.WriteChunkAsync(stream, ReadOnlyMemory<byte>.Empty, token);
        });
        using var core = Core(server, Options(limit));

        var error = await Hub.CatchBounded(() => core.FindNodesAsync());

        if (refused) Assert.That(error, Is.TypeOf<HubResponseTooLargeException>(), error?.ToString());
        else Assert.That(error, Is.Null, error?.ToString());
    }

    [Test, CancelAfter(30_000)]
    public async Task An_endless_error_body_ends_in_HubApiException_promptly_with_memory_bounded()
    {
        var serverStopped = new TaskCompletionSource();
        await using var server = RawHttpServer.Start(async (_, stream, token) =>
        {
            var chunk = Enumerable.Repeat((byte)'x', 64 * 1024).ToArray();
            try
            {
                await RawHttpServer.WriteHeadAsync(stream, 500, token, ("Content-Type", "text/plain"), ("Transfer-Encoding", "chunked"));
                while (true) await RawHttpServer.WriteChunkAsync(stream, chunk, token);
            }
            finally
            {
                serverStopped.TrySetResult();
            }
        });
        using var core = Core(server, Options());
        var watch = Stopwatch.StartNew();
        Exception? error;
        long growth;
        using (var memory = new MemorySampler())
        {
            error = await Hub.CatchBounded(() => core.GetNodeAsync(Hub.Node));
            memory.Dispose();
            growth = memory.PeakGrowth;
        }

        Assert.That(error, Is.TypeOf<HubApiException>(), error?.ToString());
        var api = (HubApiException)error!;
        Assert.That(api.StatusCode, Is.EqualTo(500));
        Assert.That(api.Response, Has.Length.EqualTo(64 * 1024), "the first 64 KiB are kept");
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3)));
        Assert.That(growth, Is.LessThan(8 * MiB), $"peak growth {growth / MiB} MiB");
        Assert.That(await Task.WhenAny(serverStopped.Task, Task.Delay(TimeSpan.FromSeconds(5))), Is.SameAs(serverStopped.Task),
            "the connection is dropped, so the endless body stops");
    }

    [Test, CancelAfter(20_000)]
    public async Task Deserializing_a_large_answer_stops_at_the_Timeout_on_the_clients_clock()
    {
        // Many small values: the JSON reader checks the call's clock every 256 of them. The fake clock
        // moves 1 ms whenever it is read, so the limit comes after a known number of checks,
        // however fast the machine deserializes; a full read would move it about 800 ms.
        var body = Encoding.UTF8.GetBytes(Hub.NodeJson.TrimEnd('}') + ",\"extra\":[" + string.Join(",", Enumerable.Repeat("0", 200_000)) + "]}");
        await using var server = RawHttpServer.Start((_, stream, token) => RawHttpServer.WriteAsync(stream, 200, body, token));
        var clock = new TestClock { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };
        var options = Options(body.Length);
        options.Timeout = TimeSpan.FromMilliseconds(100);
        options.TimeProvider = clock;
        using var core = Core(server, options);

        var error = await Hub.CatchBounded(() => core.GetNodeAsync(Hub.Node), seconds: 10);

        Assert.That(error, Is.TypeOf<HttpRequestException>(), error?.ToString());
        Assert.That(error!.Message, Does.Contain("did not complete within 0.1 s"));
        Assert.That(error.InnerException, Is.TypeOf<TimeoutException>());
        Assert.That(error.InnerException!.InnerException?.ToString(), Does.Contain("Path 'extra["), "the limit struck in the middle of the JSON");
        Assert.That(clock.Moved, Is.LessThan(TimeSpan.FromMilliseconds(300)), "the reading stopped at the limit, not after the whole answer");
    }

    [Test]
    public void The_JSON_reader_stops_when_its_token_is_cancelled()
    {
        using var cancel = new CancellationTokenSource();
        using var reader = new CancellableJsonReader(new StringReader("""{"data":[""" + Hub.NodeJson + "," + Hub.NodeJson + "]}"), CallTimeout.None(cancel.Token));
        Assert.That(reader.Read(), Is.True);
        cancel.Cancel();

        Assert.That(() => HubJson.Serializer.Deserialize<ListEnvelope<Node>>(reader), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test, CancelAfter(20_000)]
    public async Task AddFlameHub_hands_MaxResponseBytes_to_the_clients()
    {
        var json = Hub.NodeJson.Replace("\"node-a95747\"", "\"" + new string('n', 2000) + "\"");
        await using var server = RawHttpServer.Answering(200, json);
        var services = new ServiceCollection();
        services.AddFlameHub(o =>
        {
            o.UseGateway(server.BaseAddress);
            o.MaxResponseBytes = 1024;
            o.Retry.MaxRetries = 0;
        });
        using var provider = services.BuildServiceProvider();
        var core = provider.GetRequiredService<ICoreClient>();

        var error = await Hub.CatchBounded(() => core.GetNodeAsync(Hub.Node));

        Assert.That(error, Is.TypeOf<HubResponseTooLargeException>(), error?.ToString());
        Assert.That(((HubResponseTooLargeException)error!).Limit, Is.EqualTo(1024));
        Assert.That(error.Message, Does.Contain("(1 KiB)"));
    }

    [TestCase(0)]
    [TestCase(-1)]
    public void MaxResponseBytes_must_be_positive(long value)
    {
        var options = new HubClientOptions { MaxResponseBytes = value };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new CoreClient(new Uri("http://127.0.0.1:1/core/"), options));
        Assert.That(error!.ParamName, Is.EqualTo(nameof(HubClientOptions.MaxResponseBytes)));
    }

    [Test]
    public void MaxResponseBytes_defaults_to_32_MiB()
    {
        Assert.That(new HubClientOptions().MaxResponseBytes, Is.EqualTo(32 * MiB));
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:1/core/") };
        Assert.That(new CoreClient(http).MaxResponseBytes, Is.EqualTo(32 * MiB));
    }
}
