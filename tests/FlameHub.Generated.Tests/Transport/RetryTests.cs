using FlameHub.Core;

namespace FlameHub.Generated.Tests.Transport;

/// <summary>Which answers are retried, how long the client waits, and what surfaces when retries run out.</summary>
public class RetryTests
{
    private const string Unavailable = """{"statusCode":503,"code":"SERVICE_UNAVAILABLE","message":"Service Unavailable"}""";

    [SetUp]
    public Task Reset() => Hub.Server.ResetAsync();

    [Test, CancelAfter(20_000)]
    public async Task A_503_with_Retry_After_is_retried_after_the_given_delay()
    {
        // Backoff alone would wait ~10 ms; only Retry-After explains a second.
        using var core = new CoreClient(Hub.CoreUrl, Hub.QuickOptions(maxRetries: 3));
        await Hub.StubAsync(Hub.Request("GET", "/core/nodes/" + Hub.NodeId), Hub.Respond(503, Unavailable, ("Retry-After", "1")), "busy", "Started", "ready");
        await Hub.StubNodeAsync(scenario: "busy", state: "ready");

        var node = await core.GetNodeAsync(Hub.Node);

        Assert.That(node, Is.Not.Null);
        var requests = await Hub.CoreRequestsAsync();
        Assert.That(requests, Has.Count.EqualTo(2));
        Assert.That(Hub.LoggedAt(requests[1]) - Hub.LoggedAt(requests[0]), Is.GreaterThanOrEqualTo(900));
    }

    [TestCase(408)]
    [TestCase(429)]
    [TestCase(502)]
    [TestCase(504)]
    public async Task Transient_statuses_on_GET_are_retried(int status)
    {
        await Hub.StubNodeAsync(status: status, body: Unavailable, scenario: "flaky", nextState: "ok");
        await Hub.StubNodeAsync(scenario: "flaky", state: "ok");
        using var core = new CoreClient(Hub.CoreUrl, Hub.QuickOptions(maxRetries: 2));

        Assert.That(await core.GetNodeAsync(Hub.Node), Is.Not.Null);
        Assert.That(await Hub.CoreRequestsAsync(), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task DELETE_on_503_is_retried()
    {
        await Hub.StubAsync(Hub.Request("DELETE", "/core/nodes/" + Hub.NodeId), Hub.Respond(503, Unavailable), "delete", "Started", "ok");
        await Hub.StubAsync(Hub.Request("DELETE", "/core/nodes/" + Hub.NodeId), Hub.Respond(202, Hub.NodeJson), "delete", "ok");
        using var core = new CoreClient(Hub.CoreUrl, Hub.QuickOptions(maxRetries: 2));

        await core.DeleteNodeAsync(Hub.Node);

        Assert.That(await Hub.CoreRequestsAsync(), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task POST_on_503_is_not_retried()
    {
        await Hub.StubAsync(Hub.Request("POST", "/core/nodes", exactUrl: true), Hub.Respond(503, Unavailable));
        using var core = new CoreClient(Hub.CoreUrl, Hub.QuickOptions(maxRetries: 3));

        var error = Assert.ThrowsAsync<HubApiException>(() => core.CreateNodeAsync(new CreateNode { Name = "node-a95747" }))!;

        Assert.That(error.StatusCode, Is.EqualTo(503));
        Assert.That(error.IsTransient, Is.True);
        Assert.That(error.Method, Is.EqualTo("POST"));
        Assert.That(await Hub.CoreRequestsAsync(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task POST_update_on_503_is_not_retried()
    {
        await Hub.StubAsync(Hub.Request("POST", "/core/nodes/" + Hub.NodeId), Hub.Respond(503, Unavailable));
        using var core = new CoreClient(Hub.CoreUrl, Hub.QuickOptions(maxRetries: 3));

        var error = Assert.ThrowsAsync<HubApiException>(() => core.UpdateNodeAsync(Hub.Node, new UpdateNode { Name = "renamed" }))!;

        Assert.That(error.StatusCode, Is.EqualTo(503));
        Assert.That(await Hub.CoreRequestsAsync(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task POST_is_retried_when_RetryPost_is_set()
    {
        await Hub.StubAsync(Hub.Request("POST", "/core/nodes", exactUrl: true), Hub.Respond(503, Unavailable), "create", "Started", "ok");
        await Hub.StubAsync(Hub.Request("POST", "/core/nodes", exactUrl: true), Hub.Respond(201, Hub.NodeJson), "create", "ok");
        var options = Hub.QuickOptions(maxRetries: 2);
        options.Retry.RetryPost = true;
        using var core = new CoreClient(Hub.CoreUrl, options);

        var node = await core.CreateNodeAsync(new CreateNode { Name = "node-a95747" });

        Assert.That(node.Id, Is.EqualTo(Hub.Node));
        var posts = await Hub.CoreRequestsAsync();
        Assert.That(posts, Has.Count.EqualTo(2));
        Assert.That(Hub.Body(posts[1]), Is.EqualTo(Hub.Body(posts[0])));
    }

    [Test]
    public async Task A_500_is_not_retried()
    {
        await Hub.StubNodeAsync(status: 500, body: """{"statusCode":500,"code":"INTERNAL_SERVER_ERROR","message":"boom"}""");
        using var core = new CoreClient(Hub.CoreUrl, Hub.QuickOptions(maxRetries: 3));

        var error = Assert.ThrowsAsync<HubApiException>(() => core.GetNodeAsync(Hub.Node))!;

        Assert.That(error.StatusCode, Is.EqualTo(500));
        Assert.That(error.IsTransient, Is.False);
        Assert.That(await Hub.CoreRequestsAsync(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task When_retries_run_out_the_last_503_surfaces()
    {
        await Hub.StubNodeAsync(status: 503, body: Unavailable);
        using var core = new CoreClient(Hub.CoreUrl, Hub.QuickOptions(maxRetries: 2));

        var error = Assert.ThrowsAsync<HubApiException>(() => core.GetNodeAsync(Hub.Node))!;

        Assert.That(error.StatusCode, Is.EqualTo(503));
        Assert.That(error.Code, Is.EqualTo("SERVICE_UNAVAILABLE"));
        Assert.That(error.IsTransient, Is.True);
        Assert.That(await Hub.CoreRequestsAsync(), Has.Count.EqualTo(3), "the first attempt and two retries");
    }

    [Test]
    public async Task MaxRetries_zero_sends_once()
    {
        await Hub.StubNodeAsync(status: 503, body: Unavailable);
        using var core = new CoreClient(Hub.CoreUrl, Hub.QuickOptions(maxRetries: 0));

        Assert.ThrowsAsync<HubApiException>(() => core.GetNodeAsync(Hub.Node));
        Assert.That(await Hub.CoreRequestsAsync(), Has.Count.EqualTo(1));
    }
}
