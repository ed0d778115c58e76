using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using FlameHub.Core;
using FlameHub.Generated.Tests.Transport;

namespace FlameHub.Generated.Tests.Hostile;

/// <summary>
/// A 429 is retried after the Hub's <c>RateLimit-Reset</c> (exact) rather than its
/// <c>Retry-After</c> (coarse), at most <see cref="HubRetryOptions.MaxDelay"/>, never past the
/// call's Timeout; each wait is logged.
/// </summary>
public class RateLimitTests
{
    private sealed class Limited : IAsyncDisposable
    {
        private readonly ConcurrentQueue<long> _times = new();
        private int _count;

        public Limited(params (string Name, string Value)[] headers)
        {
            Server = RawHttpServer.Start((_, stream, token) =>
            {
                _times.Enqueue(Stopwatch.GetTimestamp());
                return Interlocked.Increment(ref _count) == 1
                    ? RawHttpServer.WriteAsync(stream, 429, Encoding.UTF8.GetBytes("""{"statusCode":429,"message":"Too Many Requests"}"""), token, headers)
                    : RawHttpServer.WriteAsync(stream, 200, Encoding.UTF8.GetBytes(Hub.NodeJson), token);
            });
        }

        public RawHttpServer Server { get; }

        public Uri CoreUrl => new(Server.BaseAddress, "core/");

        /// <summary>The time between the first and the second request.</summary>
        public TimeSpan Gap
        {
            get
            {
                var times = _times.ToArray();
                Assert.That(times, Has.Length.EqualTo(2), "the 429 and one retry");
                return Stopwatch.GetElapsedTime(times[0], times[1]);
            }
        }

        public ValueTask DisposeAsync() => Server.DisposeAsync();
    }

    private static HubClientOptions Options(LogCapture logs, TimeSpan? maxDelay = null, TimeSpan? timeout = null) => new()
    {
        Timeout = timeout ?? TimeSpan.FromSeconds(10),
        AttemptTimeout = TimeSpan.FromSeconds(5),
        Retry = new HubRetryOptions { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = maxDelay ?? TimeSpan.FromSeconds(10) },
        LoggerFactory = logs.Factory(),
    };

    private static IEnumerable<string> Waits(LogCapture logs) =>
        logs.Entries.Where(e => e.Category == "FlameHub.Http" && e.EventId.Name == "HubRetryWait").Select(e => e.Message);

    [Test, CancelAfter(20_000)]
    public async Task RateLimit_Reset_sets_the_wait_when_Retry_After_says_more()
    {
        await using var hub = new Limited(("Retry-After", "60"), ("RateLimit-Reset", "1"));
        var logs = new LogCapture();
        using var core = new CoreClient(hub.CoreUrl, Options(logs));

        Assert.That(await Hub.Bounded(core.GetNodeAsync(Hub.Node)), Is.Not.Null);

        Assert.That(hub.Gap, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9)).And.LessThan(TimeSpan.FromSeconds(5)));
        Assert.That(Waits(logs), Is.EqualTo(new[] { $"Waiting 1 s before retry 1 of GET /core/nodes/{Hub.NodeId}: 429 (ratelimit-reset)" }));
    }

    [TestCase("Retry-After", "1", "Retry-After")]
    [TestCase("RateLimit-Reset", "1.2", "ratelimit-reset")]
    [CancelAfter(20_000)]
    public async Task One_header_alone_sets_the_wait(string header, string seconds, string source)
    {
        await using var hub = new Limited((header, seconds));
        var logs = new LogCapture();
        using var core = new CoreClient(hub.CoreUrl, Options(logs));

        Assert.That(await Hub.Bounded(core.GetNodeAsync(Hub.Node)), Is.Not.Null);

        Assert.That(hub.Gap, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9)).And.LessThan(TimeSpan.FromSeconds(5)));
        Assert.That(Waits(logs).Single(), Does.StartWith($"Waiting {seconds} s before retry 1 of GET").And.EndWith($": 429 ({source})"));
    }

    [Test, CancelAfter(20_000)]
    public async Task An_unreadable_RateLimit_Reset_leaves_Retry_After_in_charge()
    {
        await using var hub = new Limited(("Retry-After", "1"), ("RateLimit-Reset", "soon"));
        var logs = new LogCapture();
        using var core = new CoreClient(hub.CoreUrl, Options(logs));

        Assert.That(await Hub.Bounded(core.GetNodeAsync(Hub.Node)), Is.Not.Null);

        Assert.That(hub.Gap, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9)));
        Assert.That(Waits(logs).Single(), Does.EndWith("429 (Retry-After)"));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_reset_beyond_MaxDelay_is_capped()
    {
        await using var hub = new Limited(("RateLimit-Reset", "30"));
        var logs = new LogCapture();
        using var core = new CoreClient(hub.CoreUrl, Options(logs, maxDelay: TimeSpan.FromSeconds(1)));

        Assert.That(await Hub.Bounded(core.GetNodeAsync(Hub.Node)), Is.Not.Null);

        Assert.That(hub.Gap, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(0.9)).And.LessThan(TimeSpan.FromSeconds(5)));
        Assert.That(Waits(logs).Single(), Does.StartWith("Waiting 1 s before retry 1"));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_wait_longer_than_the_calls_Timeout_is_not_waited_and_the_429_is_reported()
    {
        await using var hub = new Limited(("RateLimit-Reset", "5"));
        var logs = new LogCapture();
        using var core = new CoreClient(hub.CoreUrl, Options(logs, timeout: TimeSpan.FromSeconds(2)));
        var watch = Stopwatch.StartNew();

        var error = await Hub.CatchBounded(() => core.GetNodeAsync(Hub.Node));

        Assert.That(error, Is.InstanceOf<HubApiException>(), error?.ToString());
        Assert.That(((HubApiException)error!).StatusCode, Is.EqualTo(429));
        Assert.That(error.ToString(), Does.Contain("RateLimit-Reset: 5"), "the caller can see when to come back");
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1.5)), "no wait that would end in a timeout anyway");
        Assert.That(hub.Server.Received, Has.Count.EqualTo(1));
        Assert.That(logs.Entries.Single(e => e.EventId.Name == "HubRetrySkipped").Message,
            Does.StartWith($"Not waiting 5 s to retry GET /core/nodes/{Hub.NodeId}: the 429 (ratelimit-reset) asks for longer than the "));
    }
}
