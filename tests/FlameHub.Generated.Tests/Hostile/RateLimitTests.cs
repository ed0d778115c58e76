using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using FlameHub.Core;
using FlameHub.Generated.Tests.Transport;

namespace FlameHub.Generated.Tests.Hostile;

/// <summary>
/// A 429 is retried after the Hub's <c>RateLimit-Reset</c> (exact) rather than its
/// <c>Retry-After</c> (coarse), at most <see cref="HubRetryOptions.MaxDelay"/>, never past the
/// call's Timeout; each wait is logged. The waits run on a fake clock: each test sees the wait
/// begin, checks that the retry was not sent yet, and moves the clock by exactly the wait it expects.
/// </summary>
public class RateLimitTests
{
    /// <summary>A server that answers the first request with a 429 and the given headers, later ones with the node; it notes the fake time of each request.</summary>
    private sealed class Limited : IAsyncDisposable
    {
        private readonly ConcurrentQueue<DateTimeOffset> _times = new();
        private int _count;

        public Limited(TestClock clock, params (string Name, string Value)[] headers)
        {
            Clock = clock;
            Server = RawHttpServer.Start((_, stream, token) =>
            {
                _times.Enqueue(clock.GetUtcNow());
                return Interlocked.Increment(ref _count) == 1
                    ? RawHttpServer.WriteAsync(stream, 429, Encoding.UTF8.GetBytes("""{"statusCode":429,"message":"Too Many Requests"}"""), token, headers)
                    : RawHttpServer.WriteAsync(stream, 200, Encoding.UTF8.GetBytes(Hub.NodeJson), token);
            });
        }

        public TestClock Clock { get; }

        public RawHttpServer Server { get; }

        public Uri CoreUrl => new(Server.BaseAddress, "core/");

        /// <summary>The fake time between the first and the second request.</summary>
        public TimeSpan Gap
        {
            get
            {
                var times = _times.ToArray();
                Assert.That(times, Has.Length.EqualTo(2), "the 429 and one retry");
                return times[1] - times[0];
            }
        }

        /// <summary>
        /// Runs <paramref name="call"/> until its retry waits on the clock for exactly
        /// <paramref name="wait"/>, checks the retry was not sent yet, moves the clock by that wait and awaits the call.
        /// </summary>
        public async Task<T> AfterWaitAsync<T>(Task<T> call, TimeSpan wait)
        {
            await Clock.WaitForAsync(wait);
            Assert.That(call.IsCompleted, Is.False, "the retry waits for the clock");
            Assert.That(Server.Received, Has.Count.EqualTo(1), "the retry is not sent before its wait is over");
            Clock.Advance(wait);
            return await Hub.Bounded(call);
        }

        public ValueTask DisposeAsync() => Server.DisposeAsync();
    }

    private static HubClientOptions Options(LogCapture logs, TestClock clock, TimeSpan? maxDelay = null, TimeSpan? timeout = null) => new()
    {
        Timeout = timeout ?? TimeSpan.FromSeconds(10),
        AttemptTimeout = TimeSpan.FromSeconds(5),
        Retry = new HubRetryOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = maxDelay ?? TimeSpan.FromSeconds(10) },
        LoggerFactory = logs.Factory(),
        TimeProvider = clock,
    };

    private static IEnumerable<string> Waits(LogCapture logs) =>
        logs.Entries.Where(e => e.Category == "FlameHub.Http" && e.EventId.Name == "HubRetryWait").Select(e => e.Message);

    [Test, CancelAfter(20_000)]
    public async Task RateLimit_Reset_sets_the_wait_when_Retry_After_says_more()
    {
        await using var hub = new Limited(new TestClock(), ("Retry-After", "60"), ("RateLimit-Reset", "1"));
        var logs = new LogCapture();
        using var core = new CoreClient(hub.CoreUrl, Options(logs, hub.Clock));

        Assert.That(await hub.AfterWaitAsync(core.GetNodeAsync(Hub.Node), TimeSpan.FromSeconds(1)), Is.Not.Null);

        Assert.That(hub.Gap, Is.EqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(Waits(logs), Is.EqualTo(new[] { $"Waiting 1 s before retry 1 of GET /core/nodes/{Hub.NodeId}: 429 (ratelimit-reset)" }));
    }

    [TestCase("Retry-After", "1", "Retry-After")]
    [TestCase("RateLimit-Reset", "1.2", "ratelimit-reset")]
    [CancelAfter(20_000)]
    public async Task One_header_alone_sets_the_wait(string header, string seconds, string source)
    {
        await using var hub = new Limited(new TestClock(), (header, seconds));
        var logs = new LogCapture();
        using var core = new CoreClient(hub.CoreUrl, Options(logs, hub.Clock));
        var wait = TimeSpan.FromSeconds(double.Parse(seconds, CultureInfo.InvariantCulture));

        Assert.That(await hub.AfterWaitAsync(core.GetNodeAsync(Hub.Node), wait), Is.Not.Null);

        Assert.That(hub.Gap, Is.EqualTo(wait));
        Assert.That(Waits(logs).Single(), Does.StartWith($"Waiting {seconds} s before retry 1 of GET").And.EndWith($": 429 ({source})"));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_Retry_After_date_is_measured_on_the_clients_clock()
    {
        var clock = new TestClock();
        // Two seconds after the fake clock's now: far in the past on the wall clock.
        await using var hub = new Limited(clock, ("Retry-After", clock.GetUtcNow().AddSeconds(2).ToString("R", CultureInfo.InvariantCulture)));
        var logs = new LogCapture();
        using var core = new CoreClient(hub.CoreUrl, Options(logs, clock));

        Assert.That(await hub.AfterWaitAsync(core.GetNodeAsync(Hub.Node), TimeSpan.FromSeconds(2)), Is.Not.Null);

        Assert.That(hub.Gap, Is.EqualTo(TimeSpan.FromSeconds(2)));
        Assert.That(Waits(logs).Single(), Does.StartWith("Waiting 2 s before retry 1").And.EndWith("429 (Retry-After)"));
    }

    [Test, CancelAfter(20_000)]
    public async Task An_unreadable_RateLimit_Reset_leaves_Retry_After_in_charge()
    {
        await using var hub = new Limited(new TestClock(), ("Retry-After", "1"), ("RateLimit-Reset", "soon"));
        var logs = new LogCapture();
        using var core = new CoreClient(hub.CoreUrl, Options(logs, hub.Clock));

        Assert.That(await hub.AfterWaitAsync(core.GetNodeAsync(Hub.Node), TimeSpan.FromSeconds(1)), Is.Not.Null);

        Assert.That(hub.Gap, Is.EqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(Waits(logs).Single(), Does.EndWith("429 (Retry-After)"));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_reset_beyond_MaxDelay_is_capped()
    {
        await using var hub = new Limited(new TestClock(), ("RateLimit-Reset", "30"));
        var logs = new LogCapture();
        using var core = new CoreClient(hub.CoreUrl, Options(logs, hub.Clock, maxDelay: TimeSpan.FromSeconds(1)));

        Assert.That(await hub.AfterWaitAsync(core.GetNodeAsync(Hub.Node), TimeSpan.FromSeconds(1)), Is.Not.Null);

        Assert.That(hub.Gap, Is.EqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(Waits(logs).Single(), Does.StartWith("Waiting 1 s before retry 1"));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_wait_longer_than_the_calls_Timeout_is_not_waited_and_the_429_is_reported()
    {
        var clock = new TestClock();
        await using var hub = new Limited(clock, ("RateLimit-Reset", "5"));
        var logs = new LogCapture();
        using var core = new CoreClient(hub.CoreUrl, Options(logs, clock, timeout: TimeSpan.FromSeconds(2)));

        // The clock never moves: had the client waited, the call would not end.
        var error = await Hub.CatchBounded(() => core.GetNodeAsync(Hub.Node), seconds: 10);

        Assert.That(error, Is.InstanceOf<HubApiException>(), error?.ToString());
        Assert.That(((HubApiException)error!).StatusCode, Is.EqualTo(429));
        Assert.That(error.ToString(), Does.Contain("RateLimit-Reset: 5"), "the caller can see when to come back");
        Assert.That(hub.Server.Received, Has.Count.EqualTo(1));
        Assert.That(clock.Waits, Has.None.EqualTo(TimeSpan.FromSeconds(5)), "no wait was begun");
        Assert.That(logs.Entries.Single(e => e.EventId.Name == "HubRetrySkipped").Message,
            Does.StartWith($"Not waiting 5 s to retry GET /core/nodes/{Hub.NodeId}: the 429 (ratelimit-reset) asks for longer than the 2 s left of the call's Timeout"));
    }
}
