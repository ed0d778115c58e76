using System.Diagnostics;
using System.Text.Json.Nodes;
using FlameHub.Core;

namespace FlameHub.Generated.Tests.Transport;

/// <summary>Broken connections, slow answers and cancellation: every call ends, with an exception that says why.</summary>
public class FaultTests
{
    [SetUp]
    public Task Reset() => Hub.Server.ResetAsync();

    private static HubClientOptions Short() => new()
    {
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
        var attempts = logs.Entries.Where(e => e.Category == "FlameHub.Http" && e.EventId.Name is "HubResponse" or "HubRequestFailed").Select(e => e.Values["Attempt"]).ToList();
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
        var options = Short();
        options.AttemptTimeout = TimeSpan.FromMilliseconds(300);
        using var core = new CoreClient(Hub.CoreUrl, options);
        var watch = Stopwatch.StartNew();

        var error = await Hub.CatchBounded(() => core.GetNodeAsync(Hub.Node));

        Assert.That(error, Is.InstanceOf<HttpRequestException>(), error?.ToString());
        Assert.That(error!.Message, Does.Contain("did not complete within 300 ms"));
        Assert.That(error.InnerException, Is.InstanceOf<TimeoutException>());
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2.5)), "two attempts of 300 ms, not the stub's 3 s");
        Assert.That(await Hub.CoreRequestsAsync(), Has.Count.EqualTo(2), "an attempt timeout is retried on GET");
    }

    [Test, CancelAfter(30_000)]
    public async Task An_answer_slower_than_Timeout_ends_in_HttpRequestException_naming_the_timeout()
    {
        await Hub.StubAsync(Hub.Request("GET", "/core/nodes/" + Hub.NodeId), Hub.Respond(200, Hub.NodeJson).With("fixedDelayMilliseconds", 4000));
        var options = Short();
        options.Timeout = TimeSpan.FromMilliseconds(500);
        options.AttemptTimeout = TimeSpan.FromSeconds(3);
        using var core = new CoreClient(Hub.CoreUrl, options);

        var error = await Hub.CatchBounded(() => core.GetNodeAsync(Hub.Node));

        Assert.That(error, Is.InstanceOf<HttpRequestException>(), error?.ToString());
        Assert.That(error!.Message, Does.Contain("did not complete within"));
        Assert.That(error.InnerException, Is.InstanceOf<TimeoutException>());
    }

    [Test, CancelAfter(30_000)]
    public async Task A_body_that_dribbles_in_slower_than_the_client_Timeout_ends_in_HttpRequestException()
    {
        var response = Hub.Respond(200, Hub.NodeJson);
        response["chunkedDribbleDelay"] = new JsonObject { ["numberOfChunks"] = 10, ["totalDuration"] = 4000 };
        await Hub.StubAsync(Hub.Request("GET", "/core/nodes/" + Hub.NodeId), response);
        var options = Short();
        options.Timeout = TimeSpan.FromMilliseconds(700);
        using var core = new CoreClient(Hub.CoreUrl, options);
        var watch = Stopwatch.StartNew();

        var error = await Hub.CatchBounded(() => core.GetNodeAsync(Hub.Node));

        Assert.That(error, Is.InstanceOf<HttpRequestException>(), error?.ToString());
        Assert.That(error!.Message, Does.Contain("did not complete within"));
        Assert.That(error.InnerException, Is.InstanceOf<TimeoutException>());
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(3.5)), "the body read stops at the client's Timeout, not at the end of the dribble");
    }

    [Test, CancelAfter(30_000)]
    public async Task Caller_cancellation_stops_at_once_and_is_not_retried()
    {
        await Hub.StubAsync(Hub.Request("GET", "/core/nodes/" + Hub.NodeId), Hub.Respond(200, Hub.NodeJson).With("fixedDelayMilliseconds", 3000));
        using var core = new CoreClient(Hub.CoreUrl, Hub.QuickOptions(maxRetries: 3));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();

        var error = await Hub.CatchBounded(() => core.GetNodeAsync(Hub.Node, cancellationToken: cancel.Token));

        Assert.That(error, Is.InstanceOf<OperationCanceledException>(), error?.ToString());
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)));
        await Task.Delay(3200); // let WireMock finish the delayed answer before reading the journal
        Assert.That(await Hub.CoreRequestsAsync(), Has.Count.EqualTo(1));
    }

    [Test, CancelAfter(30_000)]
    public async Task Caller_cancellation_while_waiting_for_a_token_stops_at_once()
    {
        await Hub.StubTokenAsync(Hub.Jwt("slow"), Hub.Jwt("r"), delayMilliseconds: 3000);
        using var core = new CoreClient(Hub.CoreUrl, Hub.QuickOptions(new PasswordAuth("admin", "start123", Hub.AuthUrl), maxRetries: 3));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();

        var error = await Hub.CatchBounded(() => core.GetNodeAsync(Hub.Node, cancellationToken: cancel.Token));

        Assert.That(error, Is.InstanceOf<OperationCanceledException>(), error?.ToString());
        Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)));
    }

    [Test, CancelAfter(30_000)]
    public async Task A_token_request_slower_than_TokenRequestTimeout_ends_in_HttpRequestException_with_a_timeout()
    {
        await Hub.StubTokenAsync(Hub.Jwt("slow"), Hub.Jwt("r"), delayMilliseconds: 3000);
        // No token retries: the one attempt's limit is what this test is about (retries: Hostile/TokenEndpointTests).
        var credential = new PasswordAuth("admin", "start123", Hub.AuthUrl,
            new HubCredentialOptions { TokenRequestTimeout = TimeSpan.FromMilliseconds(300), Retry = new HubRetryOptions { MaxRetries = 0 } });
        var options = Short();
        options.Credential = credential;
        using var core = new CoreClient(Hub.CoreUrl, options);

        var error = await Hub.CatchBounded(() => core.GetNodeAsync(Hub.Node));

        Assert.That(error, Is.InstanceOf<HttpRequestException>(), error?.ToString());
        Assert.That(error!.InnerException, Is.InstanceOf<TimeoutException>());
        Assert.That(error.Message, Does.Contain("token request"));
        Assert.That(error.ToString(), Does.Not.Contain(Hub.Password));
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
