using System.Diagnostics;
using FlameHub.Generated.Tests.Transport;
using FlameHub.Storage;

namespace FlameHub.Generated.Tests.Hostile;

/// <summary>A download stream waits at most AttemptTimeout for its next bytes; a slow but steady body still completes.</summary>
public class DownloadIdleTests
{
    private static readonly TimeSpan Idle = TimeSpan.FromMilliseconds(300);

    private static StorageClient Storage(RawHttpServer server) => new(new Uri(server.BaseAddress, "storage/"), new HubClientOptions
    {
        Timeout = TimeSpan.FromSeconds(10),
        AttemptTimeout = Idle,
        Retry = new HubRetryOptions { MaxRetries = 0 },
    });

    /// <summary>Headers and <paramref name="sent"/> bytes of a longer body, then nothing until the server stops.</summary>
    private static RawHttpServer Stalling(int sent = 0) => RawHttpServer.Start(async (_, stream, token) =>
    {
        await RawHttpServer.WriteHeadAsync(stream, 200, token, ("Content-Type", "application/octet-stream"), ("Content-Length", "1000"));
        await stream.WriteAsync(new byte[sent], token);
        await stream.FlushAsync(token);
        await Task.Delay(Timeout.Infinite, token);
    });

    private static void AssertIdleTimeout(Exception? error, string limit)
    {
        Assert.That(error, Is.TypeOf<HttpIOException>(), error?.ToString());
        Assert.That(error!.InnerException, Is.TypeOf<TimeoutException>());
        Assert.That(error.Message, Does.StartWith("The download of GET /storage/bucket-files/").And.Contain($"received nothing for {limit}, the stream's ReadTimeout"));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_stall_after_the_headers_ends_the_read_after_AttemptTimeout()
    {
        await using var server = Stalling();
        using var storage = Storage(server);
        await using var download = await Hub.Bounded(storage.StreamBucketFileAsync(Guid.NewGuid()));
        var watch = Stopwatch.StartNew();

        var error = await Hub.CatchBounded(() => download.ReadAsync(new byte[100]).AsTask());

        AssertIdleTimeout(error, "300 ms");
        Assert.That(watch.Elapsed, Is.GreaterThanOrEqualTo(Idle - TimeSpan.FromMilliseconds(50)).And.LessThan(TimeSpan.FromSeconds(2)));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_stall_in_the_middle_of_the_body_ends_the_read_after_AttemptTimeout()
    {
        await using var server = Stalling(sent: 10);
        using var storage = Storage(server);
        await using var download = await Hub.Bounded(storage.StreamBucketFileAsync(Guid.NewGuid()));
        await download.ReadExactlyAsync(new byte[10]);

        var error = await Hub.CatchBounded(() => download.ReadAsync(new byte[100]).AsTask());

        AssertIdleTimeout(error, "300 ms");
    }

    [Test, CancelAfter(20_000)]
    public async Task A_synchronous_read_honours_the_limit_too()
    {
        await using var server = Stalling();
        using var storage = Storage(server);
        await using var download = await Hub.Bounded(storage.StreamBucketFileAsync(Guid.NewGuid()));
        var watch = Stopwatch.StartNew();

        var error = await Hub.CatchBounded(() => Task.Run(() => download.Read(new byte[100], 0, 100)));

        AssertIdleTimeout(error, "300 ms");
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_slow_steady_body_completes_though_it_takes_longer_than_the_limit()
    {
        const int pieces = 10;
        await using var server = RawHttpServer.Start(async (_, stream, token) =>
        {
            await RawHttpServer.WriteHeadAsync(stream, 200, token, ("Content-Type", "application/octet-stream"), ("Content-Length", pieces.ToString()));
            for (var i = 0; i < pieces; i++)
            {
                await Task.Delay(Idle / 3, token);
                await stream.WriteAsync(new[] { (byte)('0' + i) }, token);
                await stream.FlushAsync(token);
            }
        });
        using var storage = Storage(server);
        await using var download = await Hub.Bounded(storage.StreamBucketFileAsync(Guid.NewGuid()));
        var bytes = new MemoryStream();
        var watch = Stopwatch.StartNew();

        await Hub.Bounded(download.CopyToAsync(bytes));

        Assert.That(bytes.ToArray(), Is.EqualTo("0123456789"u8.ToArray()));
        Assert.That(watch.Elapsed, Is.GreaterThan(Idle), "the whole body took longer than one idle limit");
    }

    [Test, CancelAfter(20_000)]
    public async Task ReadTimeout_tells_the_limit_and_setting_it_changes_it()
    {
        await using var server = Stalling();
        using var storage = Storage(server);
        await using var download = await Hub.Bounded(storage.StreamBucketFileAsync(Guid.NewGuid()));

        Assert.That(download.CanTimeout, Is.True);
        Assert.That(download.ReadTimeout, Is.EqualTo(300));
        Assert.That(() => download.ReadTimeout = 0, Throws.InstanceOf<ArgumentOutOfRangeException>());

        download.ReadTimeout = 900;
        var watch = Stopwatch.StartNew();
        var error = await Hub.CatchBounded(() => download.ReadAsync(new byte[100]).AsTask());

        Assert.That(download.ReadTimeout, Is.EqualTo(900));
        AssertIdleTimeout(error, "900 ms");
        Assert.That(watch.Elapsed, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(850)).And.LessThan(TimeSpan.FromSeconds(3)));
    }

    [Test, CancelAfter(20_000)]
    public async Task The_callers_cancellation_of_a_read_is_a_cancellation_not_a_timeout()
    {
        await using var server = Stalling();
        using var storage = Storage(server);
        await using var download = await Hub.Bounded(storage.StreamBucketFileAsync(Guid.NewGuid()));
        download.ReadTimeout = 5000;
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var error = await Hub.CatchBounded(() => download.ReadAsync(new byte[100], cancel.Token).AsTask());

        Assert.That(error, Is.InstanceOf<OperationCanceledException>(), error?.ToString());
        Assert.That(((OperationCanceledException)error!).CancellationToken, Is.EqualTo(cancel.Token));
    }

    [Test]
    public void The_idle_limit_comes_from_AttemptTimeout_and_defaults_to_30_seconds()
    {
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:1/storage/") };
        Assert.That(new StorageClient(http).DownloadIdleTimeout, Is.EqualTo(TimeSpan.FromSeconds(30)));
        using var configured = new StorageClient(new Uri("http://127.0.0.1:1/storage/"), new HubClientOptions { AttemptTimeout = Idle });
        Assert.That(configured.DownloadIdleTimeout, Is.EqualTo(Idle));
    }
}
