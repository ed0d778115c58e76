using FlameHub.Core;
using Microsoft.Extensions.Logging;

namespace FlameHub.Generated.Tests.Transport;

/// <summary>What the runtime logs: enough to follow a request, never a secret (spans: Telemetry/TracingTests).</summary>
public class LoggingTests
{
    [SetUp]
    public Task Reset() => Hub.Server.ResetAsync();

    [Test]
    public async Task No_log_line_exception_or_ToString_carries_the_password_or_any_token()
    {
        string access1 = Hub.Jwt("a1"), refresh1 = Hub.Jwt("r1"), access2 = Hub.Jwt("a2"), refresh2 = Hub.Jwt("r2"), access3 = Hub.Jwt("a3"), refresh3 = Hub.Jwt("r3");
        await Hub.StubTokenAsync(access1, refresh1, grantType: "password", scenario: "pw", nextState: "used");
        await Hub.StubAsync(Hub.TokenRequest("password"), Hub.Respond(400, Hub.InvalidCredentialsJson), "pw", "used");
        await Hub.StubTokenAsync(access2, refresh2, grantType: "refresh_token", refreshTokenSent: refresh1);
        await Hub.StubTokenAsync(access3, refresh3, grantType: "refresh_token", refreshTokenSent: refresh2);
        await Hub.StubAsync(Hub.Request("GET", "/core/nodes/" + Hub.NodeId), Hub.Respond(200, Hub.NodeJson), priority: 5);
        await Hub.StubAsync(Hub.Request("GET", "/core/nodes/" + Hub.NodeId, bearer: access2),
            Hub.Respond(401, """{"statusCode":401,"code":"UNAUTHORIZED","message":""}"""), priority: 1);

        var logs = new LogCapture();
        using var factory = logs.Factory();
        var clock = new ManualClock();
        var credentialOptions = new HubCredentialOptions { TimeProvider = clock, LoggerFactory = factory };
        var credential = new PasswordAuth("admin", Hub.Password, Hub.AuthUrl, credentialOptions);
        using var core = new CoreClient(Hub.CoreUrl, new HubClientOptions { Credential = credential, LoggerFactory = factory });

        await core.GetNodeAsync(Hub.Node);                  // password grant
        clock.Advance(TimeSpan.FromHours(1));
        await core.GetNodeAsync(Hub.Node);                  // refresh → 401 → refresh again → 200
        var second = new PasswordAuth("admin", Hub.Password, Hub.AuthUrl, credentialOptions);
        using var core2 = new CoreClient(Hub.CoreUrl, new HubClientOptions { Credential = second, LoggerFactory = factory });
        var refused = Assert.ThrowsAsync<HubAuthenticationException>(() => core2.GetNodeAsync(Hub.Node))!;

        // The scenario ran as intended.
        var grants = (await Hub.TokenRequestsAsync()).Select(Hub.Body).ToList();
        Assert.That(grants, Has.Count.EqualTo(4));
        Assert.That((await Hub.CoreRequestsAsync()).Select(r => Hub.Header(r, "Authorization")),
            Is.EqualTo(new[] { "Bearer " + access1, "Bearer " + access2, "Bearer " + access3 }));
        Assert.That(logs.Entries.Select(e => e.Category).Distinct(), Is.SupersetOf(new[] { "FlameHub.Http", "FlameHub.Authentication" }));

        var secrets = new[] { Hub.Password, access1, refresh1, access2, refresh2, access3, refresh3 };
        var texts = logs.Entries.Select(e => e.AllText)
            .Append(refused.ToString()).Append(refused.Response ?? "")
            .Append(credential.ToString()).Append(second.ToString())
            .Append(new StaticTokenAuth(access1).ToString())
#if HUB_BASIC_AUTH
            .Append(new BasicAuth("admin", Hub.Password).ToString())
#endif
#if HUB_ROBOTS
            .Append(new RobotAuth(Guid.Parse(Hub.RobotId), Hub.Password, Hub.AuthUrl).ToString())
#endif
            .Append(new ClientAuth("client", Hub.Password, Hub.AuthUrl).ToString());
        foreach (var text in texts)
        {
            foreach (var secret in secrets) Assert.That(text, Does.Not.Contain(secret));
        }
    }

    [Test]
    public async Task Each_wire_request_is_logged_with_method_path_status_attempt_and_request_id()
    {
        await Hub.StubNodeAsync(status: 503, body: "", scenario: "busy", nextState: "ok");
        await Hub.StubNodeAsync(scenario: "busy", state: "ok");
        var logs = new LogCapture();
        using var factory = logs.Factory();
        var options = Hub.QuickOptions(maxRetries: 2);
        options.LoggerFactory = factory;
        using var core = new CoreClient(Hub.CoreUrl, options);

        await core.GetNodeAsync(Hub.Node);

        var journal = await Hub.CoreRequestsAsync();
        Assert.That(journal[0]["url"]!.GetValue<string>(), Does.Contain("?include="), "the request had a query to leave out");
        var requestId = Hub.Header(journal[0], "X-Request-Id");
        var events = logs.Entries.Where(e => e.Category == "FlameHub.Http" && e.EventId.Name == "HubResponse" && !e.IsReleaseCheck).ToList();
        Assert.That(events, Has.Count.EqualTo(2));
        Assert.That(events.Select(e => e.Values["Method"]), Is.All.EqualTo("GET"));
        Assert.That(events.Select(e => e.Values["Path"]), Is.All.EqualTo("/core/nodes/" + Hub.NodeId));
        Assert.That(events.Select(e => e.Values["StatusCode"]), Is.EqualTo(new object[] { 503, 200 }));
        Assert.That(events.Select(e => e.Values["Attempt"]), Is.EqualTo(new object[] { 1, 2 }));
        Assert.That(events.Select(e => e.Values["RequestId"]), Is.All.EqualTo(requestId));
        Assert.That(events.Select(e => e.Message), Has.All.Not.Contain("?"));
        Assert.That(events[1].Message, Does.Contain("GET /core/nodes/" + Hub.NodeId).And.Contain("200").And.Contain(requestId!));
    }

    [Test]
    public async Task A_failed_wire_request_is_logged_as_a_warning()
    {
        await Hub.StubAsync(Hub.Request("GET", "/core/nodes/" + Hub.NodeId), new System.Text.Json.Nodes.JsonObject { ["fault"] = "CONNECTION_RESET_BY_PEER" });
        var logs = new LogCapture();
        using var factory = logs.Factory();
        var options = Hub.QuickOptions(maxRetries: 0);
        options.LoggerFactory = factory;
        using var core = new CoreClient(Hub.CoreUrl, options);

        Assert.ThrowsAsync<HttpRequestException>(() => core.GetNodeAsync(Hub.Node));

        var failure = logs.Entries.Single(e => e.Category == "FlameHub.Http" && !e.IsReleaseCheck);
        Assert.That(failure.Level, Is.EqualTo(LogLevel.Warning));
        Assert.That(failure.Values["Path"], Is.EqualTo("/core/nodes/" + Hub.NodeId));
        Assert.That(failure.Values["Error"]!.ToString(), Does.Contain("HttpRequestException"));
    }

    [Test]
    public async Task X_Request_Id_is_one_id_per_client_by_default()
    {
        await Hub.StubNodeAsync();
        using var core = new CoreClient(Hub.CoreUrl);
        using var other = new CoreClient(Hub.CoreUrl);

        await core.GetNodeAsync(Hub.Node);
        await core.GetNodeAsync(Hub.Node);
        await other.GetNodeAsync(Hub.Node);

        var ids = (await Hub.CoreRequestsAsync()).Select(r => Hub.Header(r, "X-Request-Id")).ToList();
        Assert.That(ids, Has.All.Not.Null);
        Assert.That(Guid.TryParse(ids[0], out _), Is.True);
        Assert.That(ids[1], Is.EqualTo(ids[0]));
        Assert.That(ids[2], Is.Not.EqualTo(ids[0]));
    }

    [Test]
    public async Task CorrelationId_is_sent_and_HubCorrelation_Use_overrides_it_inside_its_scope()
    {
        await Hub.StubNodeAsync();
        using var core = new CoreClient(Hub.CoreUrl, new HubClientOptions { CorrelationId = "flame-client-7" });

        await core.GetNodeAsync(Hub.Node);
        using (HubCorrelation.Use("job-42"))
        {
            await core.GetNodeAsync(Hub.Node);
        }
        await core.GetNodeAsync(Hub.Node);

        Assert.That((await Hub.CoreRequestsAsync()).Select(r => Hub.Header(r, "X-Request-Id")),
            Is.EqualTo(new[] { "flame-client-7", "job-42", "flame-client-7" }));
    }
}
