using FlameHub.Core;

namespace FlameHub.Generated.Tests.Transport;

/// <summary>
/// Which answers are retried, how long the client waits, and what surfaces when retries run out.
/// The waits run on a fake clock (<see cref="TestClock"/>): a test sees each wait begin, checks
/// what the server got until then, and moves the clock on by exactly that wait.
/// </summary>
public class RetryTests
{
    private const string Unavailable = """{"statusCode":503,"code":"SERVICE_UNAVAILABLE","message":"Service Unavailable"}""";

    /// <summary>Every retry wait of <see cref="Hub.QuickOptions"/> is at most its 2 s MaxDelay, shorter than its 5 s attempt limit.</summary>
    private static readonly TimeSpan LongerThanAnyWait = TimeSpan.FromSeconds(5);

    [SetUp]
    public Task Reset() => Hub.Server.ResetAsync();

    [Test, CancelAfter(20_000)]
    public async Task A_503_with_Retry_After_is_retried_after_exactly_the_given_delay()
    {
        var clock = new TestClock();
        using var core = new CoreClient(Hub.CoreUrl, Hub.QuickOptions(maxRetries: 3, clock: clock));
        await Hub.StubAsync(Hub.Request("GET", "/core/nodes/" + Hub.NodeId), Hub.Respond(503, Unavailable, ("Retry-After", "1")), "busy", "Started", "ready");
        await Hub.StubNodeAsync(scenario: "busy", state: "ready");

        var call = core.GetNodeAsync(Hub.Node);
        // Backoff alone would wait about 10 ms; a wait of exactly one second is the Retry-After's.
        await clock.WaitForAsync(TimeSpan.FromSeconds(1));

        Assert.That(call.IsCompleted, Is.False, "the retry waits for the clock");
        Assert.That(await Hub.CoreRequestsAsync(), Has.Count.EqualTo(1), "the second request is not sent before the clock moves");
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That(await Hub.Bounded(call), Is.Not.Null);
        Assert.That(await Hub.CoreRequestsAsync(), Has.Count.EqualTo(2));
        Assert.That(clock.Moved, Is.EqualTo(TimeSpan.FromSeconds(1)), "the one second was all the call waited");
    }

    [TestCase(408)]
    [TestCase(429)]
    [TestCase(502)]
    [TestCase(504)]
    [CancelAfter(20_000)]
    public async Task Transient_statuses_on_GET_are_retried_after_one_backoff_wait(int status)
    {
        await Hub.StubNodeAsync(status: status, body: Unavailable, scenario: "flaky", nextState: "ok");
        await Hub.StubNodeAsync(scenario: "flaky", state: "ok");
        var clock = new TestClock();
        using var core = new CoreClient(Hub.CoreUrl, Hub.QuickOptions(maxRetries: 2, clock: clock));

        var call = core.GetNodeAsync(Hub.Node);
        var waits = await clock.AdvanceThroughWaitsAsync(call, LongerThanAnyWait);

        Assert.That(await call, Is.Not.Null);
        Assert.That(await Hub.CoreRequestsAsync(), Has.Count.EqualTo(2));
        Assert.That(waits, Has.Count.EqualTo(1).And.All.GreaterThan(TimeSpan.Zero).And.All.LessThanOrEqualTo(TimeSpan.FromSeconds(2)),
            "one backoff wait before the retry, within MaxDelay");
    }

    [Test, CancelAfter(20_000)]
    public async Task DELETE_on_503_is_retried()
    {
        await Hub.StubAsync(Hub.Request("DELETE", "/core/nodes/" + Hub.NodeId), Hub.Respond(503, Unavailable), "delete", "Started", "ok");
        await Hub.StubAsync(Hub.Request("DELETE", "/core/nodes/" + Hub.NodeId), Hub.Respond(202, Hub.NodeJson), "delete", "ok");
        var clock = new TestClock();
        using var core = new CoreClient(Hub.CoreUrl, Hub.QuickOptions(maxRetries: 2, clock: clock));

        var call = core.DeleteNodeAsync(Hub.Node);
        var waits = await clock.AdvanceThroughWaitsAsync(call, LongerThanAnyWait);

        await call;
        Assert.That(await Hub.CoreRequestsAsync(), Has.Count.EqualTo(2));
        Assert.That(waits, Has.Count.EqualTo(1));
    }

    [Test, CancelAfter(20_000)]
    public async Task Backoff_waits_stay_within_MaxDelay_and_each_retry_is_sent_only_after_its_wait()
    {
        await Hub.StubNodeAsync(status: 503, body: Unavailable);
        var clock = new TestClock();
        var options = Hub.QuickOptions(maxRetries: 3, clock: clock);
        options.Retry.BaseDelay = TimeSpan.FromSeconds(1);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(3);
        options.Timeout = TimeSpan.FromMinutes(1);
        options.AttemptTimeout = TimeSpan.FromSeconds(30);
        using var core = new CoreClient(Hub.CoreUrl, options);
        var call = core.GetNodeAsync(Hub.Node);

        var waits = new List<TimeSpan>();
        var seen = 0;
        for (var retry = 1; retry <= 3; retry++)
        {
            // The attempt's 30 s and the call's 1 min limits are timers too; a backoff wait is at most MaxDelay.
            var (index, wait) = await Hub.Bounded(clock.NextAsync(d => d > TimeSpan.Zero && d <= options.Retry.MaxDelay, seen), 10);
            seen = index + 1;
            Assert.That(await Hub.CoreRequestsAsync(), Has.Count.EqualTo(retry), $"retry {retry} is not sent before its wait is over");
            waits.Add(wait);
            clock.Advance(wait);
        }
        var error = await Hub.CatchBounded(() => call);

        Assert.That(error, Is.TypeOf<HubApiException>(), error?.ToString());
        Assert.That(((HubApiException)error!).StatusCode, Is.EqualTo(503));
        Assert.That(waits[0], Is.InRange(TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1)), "BaseDelay less up to half of it");
        Assert.That(waits[1], Is.InRange(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)), "doubled");
        Assert.That(waits[2], Is.InRange(TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(3)), "doubled again, capped by MaxDelay");
        Assert.That(clock.Moved, Is.EqualTo(waits[0] + waits[1] + waits[2]), "the call waited the three backoff waits and nothing else");
    }

    [Test, CancelAfter(20_000)]
    public async Task POST_on_503_is_not_retried()
    {
        await Hub.StubAsync(Hub.Request("POST", "/core/nodes", exactUrl: true), Hub.Respond(503, Unavailable));
        var clock = new TestClock();
        using var core = new CoreClient(Hub.CoreUrl, Hub.QuickOptions(maxRetries: 3, clock: clock));

        // The clock never moves: a retry would wait forever, so the call's end shows none was made.
        var error = await Hub.CatchBounded(() => core.CreateNodeAsync(new CreateNode { Name = "node-a95747" }));

        Assert.That(error, Is.TypeOf<HubApiException>(), error?.ToString());
        var refused = (HubApiException)error!;
        Assert.That(refused.StatusCode, Is.EqualTo(503));
        Assert.That(refused.IsTransient, Is.True);
        Assert.That(refused.Method, Is.EqualTo("POST"));
        Assert.That(await Hub.CoreRequestsAsync(), Has.Count.EqualTo(1));
    }

    [Test, CancelAfter(20_000)]
    public async Task POST_update_on_503_is_not_retried()
    {
        await Hub.StubAsync(Hub.Request("POST", "/core/nodes/" + Hub.NodeId), Hub.Respond(503, Unavailable));
        using var core = new CoreClient(Hub.CoreUrl, Hub.QuickOptions(maxRetries: 3, clock: new TestClock()));

        var error = await Hub.CatchBounded(() => core.UpdateNodeAsync(Hub.Node, new UpdateNode { Name = "renamed" }));

        Assert.That(error, Is.TypeOf<HubApiException>(), error?.ToString());
        Assert.That(((HubApiException)error!).StatusCode, Is.EqualTo(503));
        Assert.That(await Hub.CoreRequestsAsync(), Has.Count.EqualTo(1));
    }

    [Test, CancelAfter(20_000)]
    public async Task POST_is_retried_when_RetryPost_is_set()
    {
        await Hub.StubAsync(Hub.Request("POST", "/core/nodes", exactUrl: true), Hub.Respond(503, Unavailable), "create", "Started", "ok");
        await Hub.StubAsync(Hub.Request("POST", "/core/nodes", exactUrl: true), Hub.Respond(201, Hub.NodeJson), "create", "ok");
        var clock = new TestClock();
        var options = Hub.QuickOptions(maxRetries: 2, clock: clock);
        options.Retry.RetryPost = true;
        using var core = new CoreClient(Hub.CoreUrl, options);

        var call = core.CreateNodeAsync(new CreateNode { Name = "node-a95747" });
        var waits = await clock.AdvanceThroughWaitsAsync(call, LongerThanAnyWait);

        Assert.That((await call).Id, Is.EqualTo(Hub.Node));
        Assert.That(waits, Has.Count.EqualTo(1));
        var posts = await Hub.CoreRequestsAsync();
        Assert.That(posts, Has.Count.EqualTo(2));
        Assert.That(Hub.Body(posts[1]), Is.EqualTo(Hub.Body(posts[0])));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_500_is_not_retried()
    {
        await Hub.StubNodeAsync(status: 500, body: """{"statusCode":500,"code":"INTERNAL_SERVER_ERROR","message":"boom"}""");
        using var core = new CoreClient(Hub.CoreUrl, Hub.QuickOptions(maxRetries: 3, clock: new TestClock()));

        var error = await Hub.CatchBounded(() => core.GetNodeAsync(Hub.Node));

        Assert.That(error, Is.TypeOf<HubApiException>(), error?.ToString());
        Assert.That(((HubApiException)error!).StatusCode, Is.EqualTo(500));
        Assert.That(((HubApiException)error).IsTransient, Is.False);
        Assert.That(await Hub.CoreRequestsAsync(), Has.Count.EqualTo(1));
    }

    [Test, CancelAfter(20_000)]
    public async Task When_retries_run_out_the_last_503_surfaces()
    {
        await Hub.StubNodeAsync(status: 503, body: Unavailable);
        var clock = new TestClock();
        using var core = new CoreClient(Hub.CoreUrl, Hub.QuickOptions(maxRetries: 2, clock: clock));

        var call = core.GetNodeAsync(Hub.Node);
        var waits = await clock.AdvanceThroughWaitsAsync(call, LongerThanAnyWait);
        var error = await Hub.CatchBounded(() => call);

        Assert.That(error, Is.TypeOf<HubApiException>(), error?.ToString());
        var unavailable = (HubApiException)error!;
        Assert.That(unavailable.StatusCode, Is.EqualTo(503));
        Assert.That(unavailable.Code, Is.EqualTo("SERVICE_UNAVAILABLE"));
        Assert.That(unavailable.IsTransient, Is.True);
        Assert.That(await Hub.CoreRequestsAsync(), Has.Count.EqualTo(3), "the first attempt and two retries");
        Assert.That(waits, Has.Count.EqualTo(2), "a wait before each retry");
    }

    [Test, CancelAfter(20_000)]
    public async Task MaxRetries_zero_sends_once()
    {
        await Hub.StubNodeAsync(status: 503, body: Unavailable);
        using var core = new CoreClient(Hub.CoreUrl, Hub.QuickOptions(maxRetries: 0, clock: new TestClock()));

        Assert.That(await Hub.CatchBounded(() => core.GetNodeAsync(Hub.Node)), Is.TypeOf<HubApiException>());
        Assert.That(await Hub.CoreRequestsAsync(), Has.Count.EqualTo(1));
    }
}
