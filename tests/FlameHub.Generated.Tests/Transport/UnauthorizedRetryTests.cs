using FlameHub.Core;

namespace FlameHub.Generated.Tests.Transport;

/// <summary>A 401 from core or storage: one retry with a fresh token for token credentials, none for fixed ones.</summary>
public class UnauthorizedRetryTests
{
    private const string Unauthorized = """{"statusCode":401,"code":"UNAUTHORIZED","message":""}""";

    [SetUp]
    public Task Reset() => Hub.Server.ResetAsync();

    [Test]
    public async Task A_401_is_retried_once_with_a_new_token()
    {
        string access1 = Hub.Jwt("a1"), access2 = Hub.Jwt("a2");
        await Hub.StubTokenAsync(access1, Hub.Jwt("r1"), scenario: "tokens", nextState: "second");
        await Hub.StubTokenAsync(access2, Hub.Jwt("r2"), scenario: "tokens", state: "second");
        await Hub.StubNodeAsync(bearer: access1, status: 401, body: Unauthorized);
        await Hub.StubNodeAsync(bearer: access2);
        using var core = new CoreClient(Hub.CoreUrl, Hub.QuickOptions(new PasswordAuth("admin", "start123", Hub.AuthUrl)));

        var node = await core.GetNodeAsync(Hub.Node);

        Assert.That(node, Is.Not.Null);
        var bearers = (await Hub.CoreRequestsAsync()).Select(r => Hub.Header(r, "Authorization")).ToList();
        Assert.That(bearers, Is.EqualTo(new[] { "Bearer " + access1, "Bearer " + access2 }));
        Assert.That(await Hub.TokenRequestsAsync(), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_401_on_a_POST_with_a_body_is_retried_with_the_same_body()
    {
        string access1 = Hub.Jwt("a1"), access2 = Hub.Jwt("a2");
        await Hub.StubTokenAsync(access1, Hub.Jwt("r1"), scenario: "tokens", nextState: "second");
        await Hub.StubTokenAsync(access2, Hub.Jwt("r2"), scenario: "tokens", state: "second");
        await Hub.StubAsync(Hub.Request("POST", "/core/nodes", bearer: access1, exactUrl: true), Hub.Respond(401, Unauthorized));
        await Hub.StubAsync(Hub.Request("POST", "/core/nodes", bearer: access2, exactUrl: true), Hub.Respond(201, Hub.NodeJson));
        using var core = new CoreClient(Hub.CoreUrl, Hub.QuickOptions(new PasswordAuth("admin", "start123", Hub.AuthUrl)));

        var node = await core.CreateNodeAsync(new CreateNode { Name = "node-a95747" });

        Assert.That(node.Id, Is.EqualTo(Hub.Node));
        var posts = await Hub.CoreRequestsAsync();
        Assert.That(posts, Has.Count.EqualTo(2));
        Assert.That(Hub.Body(posts[1]), Is.EqualTo(Hub.Body(posts[0])));
        Assert.That(Hub.Body(posts[1]), Does.Contain("node-a95747"));
    }

    [Test]
    public async Task A_second_401_surfaces_as_HubApiException_without_a_third_attempt()
    {
        await Hub.StubTokenAsync(Hub.Jwt("a1"), Hub.Jwt("r1"), scenario: "tokens", nextState: "second");
        await Hub.StubTokenAsync(Hub.Jwt("a2"), Hub.Jwt("r2"), scenario: "tokens", state: "second");
        await Hub.StubNodeAsync(status: 401, body: Unauthorized);
        using var core = new CoreClient(Hub.CoreUrl, Hub.QuickOptions(new PasswordAuth("admin", "start123", Hub.AuthUrl), maxRetries: 3));

        var error = Assert.ThrowsAsync<HubApiException>(() => core.GetNodeAsync(Hub.Node))!;

        Assert.That(error, Is.Not.InstanceOf<HubAuthenticationException>());
        Assert.That(error.StatusCode, Is.EqualTo(401));
        Assert.That(error.Code, Is.EqualTo("UNAUTHORIZED"));
        Assert.That(error.IsTransient, Is.False);
        Assert.That(await Hub.CoreRequestsAsync(), Has.Count.EqualTo(2));
        Assert.That(await Hub.TokenRequestsAsync(), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task Static_token_401_is_not_retried()
    {
        await Hub.StubNodeAsync(status: 401, body: Unauthorized);
        using var core = new CoreClient(Hub.CoreUrl, Hub.QuickOptions(new StaticTokenAuth("stale-token")));

        var error = Assert.ThrowsAsync<HubApiException>(() => core.GetNodeAsync(Hub.Node))!;

        Assert.That(error.StatusCode, Is.EqualTo(401));
        Assert.That(await Hub.CoreRequestsAsync(), Has.Count.EqualTo(1));
    }

#if HUB_BASIC_AUTH
    [Test]
    public async Task Basic_auth_401_is_not_retried()
    {
        await Hub.StubNodeAsync(status: 401, body: Unauthorized);
        using var core = new CoreClient(Hub.CoreUrl, Hub.QuickOptions(new BasicAuth("admin", "wrong")));

        var error = Assert.ThrowsAsync<HubApiException>(() => core.GetNodeAsync(Hub.Node))!;

        Assert.That(error.StatusCode, Is.EqualTo(401));
        Assert.That(await Hub.CoreRequestsAsync(), Has.Count.EqualTo(1));
    }
#endif
}
