using FlameHub.Core;

namespace FlameHub.Generated.Tests.Transport;

/// <summary>Token renewal ahead of expiry, the password fallback when a refresh is refused, and refused grants.</summary>
public class RefreshTests
{
    [SetUp]
    public Task Reset() => Hub.Server.ResetAsync();

    [Test]
    public async Task Within_the_refresh_margin_the_refresh_grant_runs_with_the_previous_refresh_token()
    {
        string access1 = Hub.Jwt("a1"), refresh1 = Hub.Jwt("r1"), access2 = Hub.Jwt("a2"), refresh2 = Hub.Jwt("r2");
        await Hub.StubTokenAsync(access1, refresh1, grantType: "password");
        await Hub.StubTokenAsync(access2, refresh2, grantType: "refresh_token", refreshTokenSent: refresh1);
        await Hub.StubNodeAsync();
        var clock = new ManualClock();
        var credential = new PasswordAuth("admin", "start123", Hub.AuthUrl, new HubCredentialOptions { TimeProvider = clock });
        using var core = new CoreClient(Hub.CoreUrl, credential);

        await core.GetNodeAsync(Hub.Node);
        clock.Advance(TimeSpan.FromSeconds(3600 - 61));
        await core.GetNodeAsync(Hub.Node); // still outside the 60 s margin: cached
        clock.Advance(TimeSpan.FromSeconds(2));
        await core.GetNodeAsync(Hub.Node); // 59 s before expiry: renewed

        var grants = await Hub.TokenRequestsAsync();
        Assert.That(grants, Has.Count.EqualTo(2));
        Assert.That(Hub.SameJson(Hub.Body(grants[1]), $$"""{"grant_type":"refresh_token","refresh_token":"{{refresh1}}"}"""), Is.True, Hub.Body(grants[1]));
        Assert.That((await Hub.CoreRequestsAsync()).Select(r => Hub.Header(r, "Authorization")),
            Is.EqualTo(new[] { "Bearer " + access1, "Bearer " + access1, "Bearer " + access2 }));
    }

    [Test]
    public async Task A_custom_refresh_margin_is_honoured()
    {
        await Hub.StubTokenAsync(Hub.Jwt("a1"), Hub.Jwt("r1"), grantType: "password");
        await Hub.StubTokenAsync(Hub.Jwt("a2"), Hub.Jwt("r2"), grantType: "refresh_token");
        await Hub.StubNodeAsync();
        var clock = new ManualClock();
        var credential = new PasswordAuth("admin", "start123", Hub.AuthUrl,
            new HubCredentialOptions { TimeProvider = clock, RefreshMargin = TimeSpan.FromMinutes(10) });
        using var core = new CoreClient(Hub.CoreUrl, credential);

        await core.GetNodeAsync(Hub.Node);
        clock.Advance(TimeSpan.FromSeconds(3600 - 601));
        await core.GetNodeAsync(Hub.Node);
        Assert.That(await Hub.TokenRequestsAsync(), Has.Count.EqualTo(1));
        clock.Advance(TimeSpan.FromSeconds(2));
        await core.GetNodeAsync(Hub.Node);
        Assert.That(await Hub.TokenRequestsAsync(), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task A_token_that_lives_shorter_than_the_refresh_margin_is_still_cached_for_a_while()
    {
        // expires_in 30 s against the default 60 s margin: the token must not be thrown away at once.
        await Hub.StubTokenAsync(Hub.Jwt("a1"), Hub.Jwt("r1"), grantType: "password", expiresIn: 30);
        await Hub.StubTokenAsync(Hub.Jwt("a2"), Hub.Jwt("r2"), grantType: "refresh_token", expiresIn: 30);
        await Hub.StubNodeAsync();
        var clock = new ManualClock();
        using var core = new CoreClient(Hub.CoreUrl, new PasswordAuth("admin", "start123", Hub.AuthUrl, new HubCredentialOptions { TimeProvider = clock }));

        for (var i = 0; i < 5; i++) await core.GetNodeAsync(Hub.Node);
        Assert.That(await Hub.TokenRequestsAsync(), Has.Count.EqualTo(1), "five calls within the token's life need one token");

        clock.Advance(TimeSpan.FromSeconds(29));
        await core.GetNodeAsync(Hub.Node);
        var grants = await Hub.TokenRequestsAsync();
        Assert.That(grants, Has.Count.EqualTo(2), "past half its life the token is renewed");
        Assert.That(Hub.Body(grants[1]), Does.Contain("\"refresh_token\""));
    }

    [Test]
    public async Task A_refused_refresh_falls_back_to_the_password_grant_exactly_once()
    {
        string access1 = Hub.Jwt("a1"), refresh1 = Hub.Jwt("r1"), access3 = Hub.Jwt("a3");
        await Hub.StubTokenAsync(access1, refresh1, grantType: "password", scenario: "fallback", nextState: "signed-in");
        await Hub.StubAsync(Hub.TokenRequest("refresh_token"), Hub.Respond(400,
            """{"statusCode":400,"code":"invalid_grant","message":"The refresh token is invalid.","error":"invalid_grant"}"""));
        await Hub.StubTokenAsync(access3, Hub.Jwt("r3"), grantType: "password", scenario: "fallback", state: "signed-in");
        await Hub.StubNodeAsync();
        var clock = new ManualClock();
        using var core = new CoreClient(Hub.CoreUrl, new PasswordAuth("admin", "start123", Hub.AuthUrl, new HubCredentialOptions { TimeProvider = clock }));

        await core.GetNodeAsync(Hub.Node);
        clock.Advance(TimeSpan.FromHours(2)); // past expiry
        await core.GetNodeAsync(Hub.Node);

        var grants = (await Hub.TokenRequestsAsync()).Select(r => System.Text.Json.Nodes.JsonNode.Parse(Hub.Body(r))!["grant_type"]!.GetValue<string>());
        Assert.That(grants, Is.EqualTo(new[] { "password", "refresh_token", "password" }));
        Assert.That(Hub.Header((await Hub.CoreRequestsAsync())[1], "Authorization"), Is.EqualTo("Bearer " + access3));
    }

#if HUB_ROBOTS
    [Test]
    public async Task Robot_tokens_are_renewed_with_the_robot_grant_again()
    {
        await Hub.StubTokenAsync(Hub.Jwt("robot-1"), refreshToken: null, grantType: "robot_credentials");
        await Hub.StubNodeAsync();
        var clock = new ManualClock();
        using var core = new CoreClient(Hub.CoreUrl, new RobotAuth(Guid.Parse(Hub.RobotId), "start123", Hub.AuthUrl, new HubCredentialOptions { TimeProvider = clock }));

        await core.GetNodeAsync(Hub.Node);
        clock.Advance(TimeSpan.FromSeconds(3600 - 30));
        await core.GetNodeAsync(Hub.Node);

        var grants = await Hub.TokenRequestsAsync();
        Assert.That(grants, Has.Count.EqualTo(2));
        Assert.That(grants.Select(Hub.Body), Has.All.Contains("\"robot_credentials\""));
    }
#endif

    [Test]
    public async Task A_refused_password_grant_raises_HubAuthenticationException_with_the_Hub_body_and_without_the_password()
    {
        await Hub.StubAsync(Hub.TokenRequest("password"), Hub.Respond(400, Hub.InvalidCredentialsJson));
        var credential = new PasswordAuth("admin", "start123", Hub.AuthUrl);
        using var core = new CoreClient(Hub.CoreUrl, Hub.QuickOptions(credential, maxRetries: 3));

        var error = Assert.ThrowsAsync<HubAuthenticationException>(() => core.GetNodeAsync(Hub.Node))!;

        Assert.That(error.StatusCode, Is.EqualTo(400));
        Assert.That(error.Code, Is.EqualTo("invalid_credentials"));
        Assert.That(error.HubMessage, Is.EqualTo("The user credentials are invalid."));
        Assert.That(error.GrantType, Is.EqualTo("password"));
        Assert.That(error.Method, Is.EqualTo("POST"));
        Assert.That(error.Path, Is.EqualTo("/auth/token"));
        Assert.That(error.Body!.Value.GetProperty("error").GetString(), Is.EqualTo("invalid_request"));
        Assert.That(error.Body.Value.GetProperty("error_description").GetString(), Is.EqualTo("The user credentials are invalid."));
        Assert.That(error.Message, Is.EqualTo("received status code 400 (invalid_credentials): The user credentials are invalid."));
        Assert.That(error.ToString(), Does.Not.Contain(Hub.Password));
        Assert.That(credential.ToString(), Does.Not.Contain(Hub.Password));
        Assert.That(await Hub.TokenRequestsAsync(), Has.Count.EqualTo(1), "a refused grant is not retried");
        Assert.That(await Hub.CoreRequestsAsync(), Is.Empty, "nothing is sent to core without a token");
    }

    [Test]
    public async Task A_token_answer_without_access_token_raises_HubApiException_without_echoing_the_body()
    {
        // Not a refused grant (only 400, 401 and 403 are): a broken answer, told by its shape.
        await Hub.StubAsync(Hub.TokenRequest(), Hub.Respond(200, """{"token_type":"Bearer","refresh_token":"half-secret-refresh"}"""));
        using var core = new CoreClient(Hub.CoreUrl, new PasswordAuth("admin", "start123", Hub.AuthUrl));

        var error = Assert.ThrowsAsync<HubApiException>(() => core.GetNodeAsync(Hub.Node))!;

        Assert.That(error, Is.Not.InstanceOf<HubAuthenticationException>());
        Assert.That(error.StatusCode, Is.EqualTo(200));
        Assert.That(error.Message, Does.Contain("members token_type, refresh_token"));
        Assert.That(error.ToString(), Does.Not.Contain("half-secret-refresh"));
        Assert.That(error.Response, Is.Null);
    }
}
