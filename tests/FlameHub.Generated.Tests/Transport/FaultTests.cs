using System.Diagnostics;
using System.Text.Json.Nodes;
using FlameHub.Core;
using FlameHub.Generated.Tests.Hostile;

namespace FlameHub.Generated.Tests.Transport;

/// <summary>Broken connections, slow answers and cancellation: every call ends, with an exception that says why.</summary>
public class FaultTests
{
    [SetUp]
    public Task Reset() => Hub.Server.ResetAsync();

    private static HubClientOptions Short(TimeProvider? clock = null) => new()
    {
        TimeProvider = clock ?? TimeProvider.System,
        Timeout = TimeSpan.FromSeconds(5),
        AttemptTimeout = TimeSpan.FromSeconds(2),
        Retry = new HubRetryOptions { MaxRetries = 1, BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(100) },
    };

    [TestCase("CONNECTION_RESET_BY_PEER")]
    [TestCase("EMPTY_RESPONSE")]
    [TestCase("RANDOM_DATA_THEN_CLOSE")]
    [CancelAfter(30_000)]
    public async Task A_connection_fault_is_retried_and_then_ends_in_HttpRequestException(string fault)
    {
        await Hub.StubAsync(Hub.Request("GET", "/core/nodes/" + Hub.NodeId), new JsonObject { ["fault"] = fault });
        // A transport of its own: SocketsHttpHandler silently resends a request whose pooled
        // (reused) connection closes without answer, which would blur the count of attempts.
        // It does so even on a new connection for an empty answer, so the attempts are counted in the log.
        using var transport = HubHttpPipeline.CreateTransport();
        var logs = new LogCapture();
        var options = Short();
        options.LoggerFactory = logs.Factory();
        using var core = new CoreClient(Hub.CoreUrl, options, transport);

        var error = await Hub.CatchBounded(() => core.GetNodeAsync(Hub.Node));

        Assert.That(error, Is.InstanceOf<HttpRequestException>().Or.InstanceOf<HubApiException>(), error?.ToString());
        Assert.That(error!.Message, Is.Not.Empty);
        var attempts = logs.Entries.Where(e => e.Category == "FlameHub.Http" && e.EventId.Name is "HubResponse" or "HubRequestFailed" && !e.IsReleaseCheck).Select(e => e.Values["Attempt"]).ToList();
        Assert.That(attempts, Is.EqualTo(new object[] { 1, 2 }), "the attempt and the one retry");
        Assert.That(await Hub.CoreRequestsAsync(), Has.Count.GreaterThanOrEqualTo(2));
    }

    [Test, CancelAfter(30_000)]
    public async Task A_malformed_chunk_ends_in_HttpRequestException_or_HubApiException()
    {
        await Hub.StubAsync(Hub.Request("GET", "/core/nodes/" + Hub.NodeId), new JsonObject { ["status"] = 200, ["fault"] = "MALFORMED_RESPONSE_CHUNK" });
        using var core = new CoreClient(Hub.CoreUrl, Short());

        var error = await Hub.CatchBounded(() => core.GetNodeAsync(Hub.Node));

        Assert.That(error, Is.InstanceOf<HttpRequestException>().Or.InstanceOf<HubApiException>(), error?.ToString());
        Assert.That(error!.Message, Is.Not.Empty);
    }

    [Test, CancelAfter(30_000)]
    public async Task A_fault_on_POST_is_not_retried()
    {
        await Hub.StubAsync(Hub.Request("POST", "/core/nodes", exactUrl: true), new JsonObject { ["fault"] = "CONNECTION_RESET_BY_PEER" });
        using var core = new CoreClient(Hub.CoreUrl, Short());

        var error = await Hub.CatchBounded(() => core.CreateNodeAsync(new CreateNode { Name = "node-a95747" }));

        Assert.That(error, Is.InstanceOf<HttpRequestException>(), error?.ToString());
        Assert.That(await Hub.CoreRequestsAsync(), Has.Count.EqualTo(1));
    }

    [Test, CancelAfter(30_000)]
    public async Task An_answer_slower_than_AttemptTimeout_ends_in_HttpRequestException_naming_the_timeout()
    {
        await Hub.StubAsync(Hub.Request("GET", "/core/nodes/" + Hub.NodeId), Hub.Respond(200, Hub.NodeJson).With("fixedDelayMilliseconds", 3000));
        var clock = new TestClock();
        var options = Short(clock);
        options.AttemptTimeout = TimeSpan.FromMilliseconds(300);
        using var core = new CoreClient(Hub.CoreUrl, options);
        var attempt = TimeSpan.FromMilliseconds(300);

        var call = core.GetNodeAsync(Hub.Node);
        var (first, _) = await Hub.Bounded(clock.NextAsync(d => d == attempt), 10);
        await Hub.UntilAsync(async () => (await Hub.CoreRequestsAsync()).Count == 1);
        clock.Advance(attempt);
        var (backoff, wait) = await Hub.Bounded(clock.NextAsync(d => d > TimeSpan.Zero && d < attempt, first + 1), 10);
        Assert.That(await Hub.CoreRequestsAsync(), Has.Count.EqualTo(1), "the retry waits for its backoff");
        clock.Advance(wait);
        await Hub.Bounded(clock.NextAsync(d => d == attempt, backoff + 1), 10);
        await Hub.UntilAsync(async () => (await Hub.CoreRequestsAsync()).Count == 2);
        clock.Advance(attempt);
        var error = await Hub.CatchBounded(() => call);

        Assert.That(error, Is.InstanceOf<HttpRequestException>(), error?.ToString());
        Assert.That(error!.Message, Does.Contain("did not complete within 300 ms"));
        Assert.That(error.InnerException, Is.InstanceOf<TimeoutException>());
        Assert.That(clock.Moved, Is.EqualTo(attempt + wait + attempt), "two attempts of 300 ms and the backoff between them, not the stub's 3 s");
        Assert.That(await Hub.CoreRequestsAsync(), Has.Count.EqualTo(2), "an attempt timeout is retried on GET");
    }

    [Test, CancelAfter(30_000)]
    public async Task An_answer_slower_than_Timeout_ends_in_HttpRequestException_naming_the_timeout()
    {
        await Hub.StubAsync(Hub.Request("GET", "/core/nodes/" + Hub.NodeId), Hub.Respond(200, Hub.NodeJson).With("fixedDelayMilliseconds", 4000));
        var clock = new TestClock();
        var options = Short(clock);
        options.Timeout = TimeSpan.FromMilliseconds(500);
        options.AttemptTimeout = TimeSpan.FromSeconds(3);
        using var core = new CoreClient(Hub.CoreUrl, options);

        var call = core.GetNodeAsync(Hub.Node);
        await clock.WaitForAsync(options.Timeout);
        await Hub.UntilAsync(async () => (await Hub.CoreRequestsAsync()).Count == 1);
        clock.Advance(options.Timeout);
        var error = await Hub.CatchBounded(() => call);

        Assert.That(error, Is.InstanceOf<HttpRequestException>(), error?.ToString());
        Assert.That(error!.Message, Does.Contain("did not complete within 0.5 s"));
        Assert.That(error.InnerException, Is.InstanceOf<TimeoutException>());
        Assert.That(clock.Waits, Has.None.EqualTo(options.AttemptTimeout), "no attempt timer: the call's own deadline comes first");
    }

    [Test, CancelAfter(30_000)]
    public async Task A_body_that_dribbles_in_slower_than_the_client_Timeout_ends_in_HttpRequestException()
    {
        var response = Hub.Respond(200, Hub.NodeJson);
        response["chunkedDribbleDelay"] = new JsonObject { ["numberOfChunks"] = 10, ["totalDuration"] = 4000 };
        await Hub.StubAsync(Hub.Request("GET", "/core/nodes/" + Hub.NodeId), response);
        var clock = new TestClock();
        var options = Short(clock);
        options.Timeout = TimeSpan.FromMilliseconds(700);
        using var headers = new HeadersSeen { InnerHandler = HubHttpPipeline.CreateTransport() };
        using var core = new CoreClient(Hub.CoreUrl, options, headers);
        var watch = Stopwatch.StartNew();

        var call = core.GetNodeAsync(Hub.Node);
        await Hub.Bounded(headers.Seen.Task);
        clock.Advance(options.Timeout);
        var error = await Hub.CatchBounded(() => call);

        Assert.That(error, Is.InstanceOf<HttpRequestException>(), error?.ToString());
        Assert.That(error!.Message, Does.Contain("did not complete within"));
        Assert.That(error.InnerException, Is.InstanceOf<TimeoutException>());
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3.5)), "the body read stops at the client's Timeout, not at the end of the 4 s dribble");
    }

    [Test, CancelAfter(30_000)]
    public async Task Caller_cancellation_stops_at_once_and_is_not_retried()
    {
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = RawHttpServer.Start(async (_, _, token) =>
        {
            received.TrySetResult();
            await Task.Delay(Timeout.Infinite, token);
        });
        var clock = new TestClock();
        using var core = new CoreClient(new Uri(server.BaseAddress, "core/"), Hub.QuickOptions(maxRetries: 3, clock: clock));
        using var cancel = new CancellationTokenSource();

        var call = core.GetNodeAsync(Hub.Node, cancellationToken: cancel.Token);
        await Hub.Bounded(received.Task);
        var watch = Stopwatch.StartNew();
        cancel.Cancel();
        var error = await Hub.CatchBounded(() => call);

        Assert.That(error, Is.InstanceOf<OperationCanceledException>(), error?.ToString());
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)));
        Assert.That(server.Received, Has.Count.EqualTo(1));
        Assert.That(clock.Waits, Has.None.LessThan(TimeSpan.FromSeconds(5)), "no retry wait was begun");
    }

    [Test, CancelAfter(30_000)]
    public async Task Caller_cancellation_while_waiting_for_a_token_stops_at_once()
    {
        var asked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var auth = RawHttpServer.Start(async (_, _, token) =>
        {
            asked.TrySetResult();
            await Task.Delay(Timeout.Infinite, token);
        });
        var credential = new PasswordAuth("admin", "start123", new Uri(auth.BaseAddress, "auth/"));
        using var core = new CoreClient(Hub.CoreUrl, Hub.QuickOptions(credential, maxRetries: 3));
        using var cancel = new CancellationTokenSource();

        var call = core.GetNodeAsync(Hub.Node, cancellationToken: cancel.Token);
        await Hub.Bounded(asked.Task);
        var watch = Stopwatch.StartNew();
        cancel.Cancel();
        var error = await Hub.CatchBounded(() => call);

        Assert.That(error, Is.InstanceOf<OperationCanceledException>(), error?.ToString());
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)));
        Assert.That(auth.Received, Has.Count.EqualTo(1));
    }

    [Test, CancelAfter(30_000)]
    public async Task A_token_request_slower_than_TokenRequestTimeout_ends_in_HttpRequestException_with_a_timeout()
    {
        await Hub.StubTokenAsync(Hub.Jwt("slow"), Hub.Jwt("r"), delayMilliseconds: 3000);
        var clock = new TestClock();
        var limit = TimeSpan.FromMilliseconds(300);
        // No token retries: the one attempt's limit is what this test is about (retries: Hostile/TokenEndpointTests).
        var credential = new PasswordAuth("admin", "start123", Hub.AuthUrl,
            new HubCredentialOptions { TokenRequestTimeout = limit, Retry = new HubRetryOptions { MaxRetries = 0 }, TimeProvider = clock });
        var options = Short(clock);
        options.Credential = credential;
        using var core = new CoreClient(Hub.CoreUrl, options);

        var call = core.GetNodeAsync(Hub.Node);
        await clock.WaitForAsync(limit);
        await Hub.UntilAsync(async () => (await Hub.TokenRequestsAsync()).Count == 1);
        clock.Advance(limit);
        var error = await Hub.CatchBounded(() => call);

        Assert.That(error, Is.InstanceOf<HttpRequestException>(), error?.ToString());
        Assert.That(error!.InnerException, Is.InstanceOf<TimeoutException>());
        Assert.That(error.Message, Does.Contain("token request").And.Contain("longer than 0.3 s"));
        Assert.That(error.ToString(), Does.Not.Contain(Hub.Password));
        Assert.That(clock.Moved, Is.EqualTo(limit));
    }

    /// <summary>Tells when the answer's headers have arrived (the body may still be on its way).</summary>
    private sealed class HeadersSeen : DelegatingHandler
    {
        public TaskCompletionSource Seen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            Seen.TrySetResult();
            return response;
        }
    }
}

internal static class JsonObjectExtensions
{
    public static JsonObject With(this JsonObject json, string name, JsonNode? value)
    {
        json[name] = value;
        return json;
    }
}
