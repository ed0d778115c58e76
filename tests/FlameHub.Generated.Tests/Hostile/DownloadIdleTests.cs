using FlameHub.Generated.Tests.Transport;
using FlameHub.Storage;

namespace FlameHub.Generated.Tests.Hostile;

/// <summary>
/// A download stream waits at most AttemptTimeout for its next bytes; a slow but steady body still
/// completes. The limit runs on the client's clock, a fake here: each test waits until the read's
/// timer is set, checks it is exactly the limit, and moves the clock instead of waiting.
/// </summary>
public class DownloadIdleTests
{
    private static readonly TimeSpan Idle = TimeSpan.FromMilliseconds(300);

    private static StorageClient Storage(RawHttpServer server, TimeProvider clock) => new(new Uri(server.BaseAddress, "storage/"), new HubClientOptions
    {
        Timeout = TimeSpan.FromSeconds(10),
        AttemptTimeout = Idle,
        Retry = new HubRetryOptions { MaxRetries = 0 },
        TimeProvider = clock,
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

    /// <summary>Starts <paramref name="read"/>, waits until its timer of <paramref name="limit"/> is set, and moves the clock up to just before and then onto the limit.</summary>
    private static async Task<Exception?> TimedOutAsync(TestClock clock, Func<Task> read, TimeSpan limit)
    {
        var mark = clock.Count;
        var reading = Task.Run(read);
        await Hub.Bounded(clock.NextAsync(d => d == limit, mark), 10);
        clock.Advance(limit - TimeSpan.FromMilliseconds(1));
        Assert.That(reading.IsCompleted, Is.False, "the read waits for the whole limit");
        clock.Advance(TimeSpan.FromMilliseconds(1));
        return await Hub.CatchBounded(() => reading, 10);
    }

    [Test, CancelAfter(20_000)]
    public async Task A_stall_after_the_headers_ends_the_read_after_AttemptTimeout()
    {
        await using var server = Stalling();
        var clock = new TestClock();
        using var storage = Storage(server, clock);
        await using var download = await Hub.Bounded(storage.StreamBucketFileAsync(Guid.NewGuid()));

        var error = await TimedOutAsync(clock, () => download.ReadAsync(new byte[100]).AsTask(), Idle);

        AssertIdleTimeout(error, "300 ms");
        Assert.That(clock.Moved, Is.EqualTo(Idle));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_stall_in_the_middle_of_the_body_ends_the_read_after_AttemptTimeout()
    {
        await using var server = Stalling(sent: 10);
        var clock = new TestClock();
        using var storage = Storage(server, clock);
        await using var download = await Hub.Bounded(storage.StreamBucketFileAsync(Guid.NewGuid()));
        await download.ReadExactlyAsync(new byte[10]);

        var error = await TimedOutAsync(clock, () => download.ReadAsync(new byte[100]).AsTask(), Idle);

        AssertIdleTimeout(error, "300 ms");
    }

    [Test, CancelAfter(20_000)]
    public async Task A_synchronous_read_honours_the_limit_too()
    {
        await using var server = Stalling();
        var clock = new TestClock();
        using var storage = Storage(server, clock);
        await using var download = await Hub.Bounded(storage.StreamBucketFileAsync(Guid.NewGuid()));

        var error = await TimedOutAsync(clock, () => Task.FromResult(download.Read(new byte[100], 0, 100)), Idle);

        AssertIdleTimeout(error, "300 ms");
    }

    [Test, CancelAfter(20_000)]
    public async Task A_slow_steady_body_completes_though_it_takes_longer_than_the_limit()
    {
        const int pieces = 10;
        var next = new SemaphoreSlim(0);
        await using var server = RawHttpServer.Start(async (_, stream, token) =>
        {
            await RawHttpServer.WriteHeadAsync(stream, 200, token, ("Content-Type", "application/octet-stream"), ("Content-Length", pieces.ToString()));
            for (var i = 0; i < pieces; i++)
            {
                await next.WaitAsync(token);
                await stream.WriteAsync(new[] { (byte)('0' + i) }, token);
                await stream.FlushAsync(token);
            }
        });
        var clock = new TestClock();
        using var storage = Storage(server, clock);
        await using var download = await Hub.Bounded(storage.StreamBucketFileAsync(Guid.NewGuid()));
        var bytes = new MemoryStream();

        var seen = clock.Count;
        var copy = download.CopyToAsync(bytes);
        for (var i = 0; i < pieces; i++)
        {
            // Each byte comes just before its read's limit.
            var (index, _) = await Hub.Bounded(clock.NextAsync(d => d == Idle, seen), 10);
            seen = index + 1;
            clock.Advance(Idle - TimeSpan.FromMilliseconds(1));
            next.Release();
        }
        await Hub.Bounded(copy);

        Assert.That(bytes.ToArray(), Is.EqualTo("0123456789"u8.ToArray()));
        Assert.That(clock.Moved, Is.GreaterThan(Idle * 9), "the whole body took far longer than one idle limit");
    }

    [Test, CancelAfter(20_000)]
    public async Task ReadTimeout_tells_the_limit_and_setting_it_changes_it()
    {
        await using var server = Stalling();
        var clock = new TestClock();
        using var storage = Storage(server, clock);
        await using var download = await Hub.Bounded(storage.StreamBucketFileAsync(Guid.NewGuid()));

        Assert.That(download.CanTimeout, Is.True);
        Assert.That(download.ReadTimeout, Is.EqualTo(300));
        Assert.That(() => download.ReadTimeout = 0, Throws.InstanceOf<ArgumentOutOfRangeException>());

        download.ReadTimeout = 900;
        var error = await TimedOutAsync(clock, () => download.ReadAsync(new byte[100]).AsTask(), TimeSpan.FromMilliseconds(900));

        Assert.That(download.ReadTimeout, Is.EqualTo(900));
        AssertIdleTimeout(error, "900 ms");
        Assert.That(clock.Moved, Is.EqualTo(TimeSpan.FromMilliseconds(900)));
    }

    [Test, CancelAfter(20_000)]
    public async Task The_callers_cancellation_of_a_read_is_a_cancellation_not_a_timeout()
    {
        await using var server = Stalling();
        var clock = new TestClock();
        using var storage = Storage(server, clock);
        await using var download = await Hub.Bounded(storage.StreamBucketFileAsync(Guid.NewGuid()));
        download.ReadTimeout = 5000;
        using var cancel = new CancellationTokenSource();

        var mark = clock.Count;
        var read = download.ReadAsync(new byte[100], cancel.Token).AsTask();
        await Hub.Bounded(clock.NextAsync(d => d == TimeSpan.FromSeconds(5), mark), 10);
        cancel.Cancel();
        var error = await Hub.CatchBounded(() => read);

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
