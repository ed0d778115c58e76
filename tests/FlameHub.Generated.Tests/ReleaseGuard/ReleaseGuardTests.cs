using System.Text.Json.Nodes;
using FlameHub.Auth;
using FlameHub.Core;
using FlameHub.Generated.Tests.DependencyInjection;
using FlameHub.Generated.Tests.Transport;
using FlameHub.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlameHub.Generated.Tests.Releases;

/// <summary>
/// The release guard on the wire (WireMock): before a client's first request it reads its
/// service's <c>GET /</c> once; a Hub of another release gets nothing else. Every journal here is
/// the whole one, release checks included.
/// </summary>
public sealed class ReleaseGuardTests
{
    private static readonly string Created = Hub.NodeJson;

    [SetUp]
    public async Task Reset()
    {
        await Hub.Server.ResetAsync();
        await Hub.StubNodeAsync();
        await Hub.StubAsync(Hub.Request("POST", "/core/nodes", exactUrl: true), Hub.Respond(201, Created));
    }

    /// <summary>The defaults but for short timeouts and one quick retry: ReleaseCheck stays the default unless a test sets it.</summary>
    private static HubClientOptions Options(LogCapture? logs = null, int maxRetries = 1, TimeProvider? clock = null)
    {
        var options = Hub.QuickOptions(maxRetries: maxRetries, clock: clock);
        if (logs is not null) options.LoggerFactory = logs.Factory();
        return options;
    }

    private static Task ReportsAsync(string service, string body, int status = 200, int delayMilliseconds = 0, string? scenario = null, string? state = null, string? nextState = null, string contentType = "application/json; charset=utf-8")
    {
        var response = Hub.Respond(status, body, ("Content-Type", contentType));
        if (delayMilliseconds > 0) response["fixedDelayMilliseconds"] = delayMilliseconds;
        return Hub.StubAsync(Hub.Request("GET", $"/{service}/", exactUrl: true), response, scenario, state, nextState);
    }

    private static async Task<List<string>> WireAsync() =>
        (await Hub.Server.RequestsAsync(withReleaseChecks: true)).Select(r => r["method"]!.GetValue<string>() + " " + Hub.PathOf(r)).ToList();

    private static CreateNode NewNode() => new() { Name = "node-guard", RealmId = Guid.Parse("00000000-0000-4000-8000-000000000001") };

    private static IEnumerable<LogEntry> ReleaseLogs(LogCapture logs) => logs.Entries.Where(e => e.Category == "FlameHub.Release");

    [Test, CancelAfter(20_000)]
    public async Task By_default_a_create_against_a_Hub_of_another_release_is_refused_and_only_GET_slash_is_sent()
    {
        await ReportsAsync("core", HubStatus.Other("core"));
        using var core = new CoreClient(Hub.CoreUrl, Options());

        var error = await Hub.CatchBounded(() => core.CreateNodeAsync(NewNode()));
        var again = await Hub.CatchBounded(() => core.CreateNodeAsync(NewNode()));

        Assert.That(error, Is.TypeOf<HubReleaseMismatchException>(), error?.ToString());
        var mismatch = (HubReleaseMismatchException)error!;
        Assert.That(mismatch.Service, Is.EqualTo("core"));
        Assert.That(mismatch.ReportedVersion, Is.EqualTo(HubStatus.OtherVersion("core")));
        Assert.That(mismatch.ExpectedVersion, Is.EqualTo(HubRelease.Hub));
        Assert.That(mismatch.Message, Does.Contain($"reports Hub {HubStatus.OtherVersion("core")}; this package (FlameHub.Generated {HubRelease.PackageVersion}) speaks Hub "));
        Assert.That(mismatch.Message, Does.Contain("Nothing was sent"));
        Assert.That(again, Is.TypeOf<HubReleaseMismatchException>(), "refused for the client's life");
        Assert.That(await WireAsync(), Is.EqualTo(new[] { "GET /core/" }), "one status read, and no create on the wire");
    }

    [Test, CancelAfter(20_000)]
    public async Task A_read_is_refused_too_before_anything_is_sent()
    {
        await ReportsAsync("core", HubStatus.Other("core"));
        using var core = new CoreClient(Hub.CoreUrl, Options());

        Assert.ThrowsAsync<HubReleaseMismatchException>(() => core.GetNodeAsync(Hub.Node));

        Assert.That(await WireAsync(), Is.EqualTo(new[] { "GET /core/" }));
    }

    [Test, CancelAfter(20_000)]
    public async Task Warn_sends_the_create_and_logs_once()
    {
        await ReportsAsync("core", HubStatus.Other("core"));
        var logs = new LogCapture();
        var options = Options(logs);
        options.ReleaseCheck = HubReleaseCheck.Warn;
        using var core = new CoreClient(Hub.CoreUrl, options);

        await Hub.Bounded(core.CreateNodeAsync(NewNode()));
        await Hub.Bounded(core.CreateNodeAsync(NewNode()));

        Assert.That(await WireAsync(), Is.EqualTo(new[] { "GET /core/", "POST /core/nodes", "POST /core/nodes" }));
        var log = ReleaseLogs(logs).ToList();
        Assert.That(log, Has.Count.EqualTo(1));
        Assert.That(log[0].Level, Is.EqualTo(LogLevel.Warning));
        Assert.That(log[0].EventId.Name, Is.EqualTo("HubReleaseMismatch"));
        Assert.That(log[0].Message, Does.Contain("reports Hub " + HubStatus.OtherVersion("core")).And.Contain(HubRelease.PackageVersion).And.Contain("calls go on"));
    }

    [Test, CancelAfter(20_000)]
    public async Task Off_sends_the_create_reads_no_status_and_logs_nothing()
    {
        await ReportsAsync("core", HubStatus.Other("core"));
        var logs = new LogCapture();
        var options = Options(logs);
        options.ReleaseCheck = HubReleaseCheck.Off;
        using var core = new CoreClient(Hub.CoreUrl, options);

        await Hub.Bounded(core.CreateNodeAsync(NewNode()));
        await Hub.Bounded(core.CheckReleaseAsync());

        Assert.That(await WireAsync(), Is.EqualTo(new[] { "POST /core/nodes" }));
        Assert.That(ReleaseLogs(logs), Is.Empty);
    }

    [Test, CancelAfter(30_000)]
    public async Task Sixty_four_concurrent_first_calls_make_one_status_request()
    {
        // Slow, so that every call is waiting while the one read is under way.
        await ReportsAsync("core", HubStatus.Own("core"), delayMilliseconds: 300);
        using var core = new CoreClient(Hub.CoreUrl, Options());

        var nodes = await Hub.Bounded(Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => core.GetNodeAsync(Hub.Node)))));

        Assert.That(nodes, Has.All.Not.Null);
        var wire = await WireAsync();
        Assert.That(wire.Count(r => r == "GET /core/"), Is.EqualTo(1));
        Assert.That(wire.Count(r => r == "GET /core/nodes/" + Hub.NodeId), Is.EqualTo(64));
        Assert.That(wire[0], Is.EqualTo("GET /core/"), "no call went ahead of the check");
    }

    [Test, CancelAfter(20_000)]
    public async Task Once_the_release_passed_no_call_reads_the_status_again()
    {
        using var core = new CoreClient(Hub.CoreUrl, Options());

        for (var i = 0; i < 3; i++) await Hub.Bounded(core.GetNodeAsync(Hub.Node));
        await Hub.Bounded(core.CheckReleaseAsync());

        Assert.That(await WireAsync(), Is.EqualTo(new[] { "GET /core/" }.Concat(Enumerable.Repeat("GET /core/nodes/" + Hub.NodeId, 3))));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_transient_status_failure_is_retried_like_any_GET()
    {
        await ReportsAsync("core", "", status: 503, scenario: "status", nextState: "up");
        await ReportsAsync("core", HubStatus.Own("core"), scenario: "status", state: "up");
        using var core = new CoreClient(Hub.CoreUrl, Options());

        var node = await Hub.Bounded(core.GetNodeAsync(Hub.Node));

        Assert.That(node, Is.Not.Null);
        Assert.That(await WireAsync(), Is.EqualTo(new[] { "GET /core/", "GET /core/", "GET /core/nodes/" + Hub.NodeId }));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_status_endpoint_that_keeps_failing_fails_the_call_with_its_failure_and_the_next_call_checks_again()
    {
        await ReportsAsync("core", """{"statusCode":503,"message":"down"}""", status: 503);
        using var core = new CoreClient(Hub.CoreUrl, Options(maxRetries: 1));

        var error = await Hub.CatchBounded(() => core.CreateNodeAsync(NewNode()));

        Assert.That(error, Is.TypeOf<HubApiException>(), "the failure as it is, not a mismatch: " + error);
        Assert.That(((HubApiException)error!).StatusCode, Is.EqualTo(503));
        Assert.That(((HubApiException)error).Path, Is.EqualTo("/core/"));
        Assert.That(await WireAsync(), Is.EqualTo(new[] { "GET /core/", "GET /core/" }), "the attempt and its retry; no create");

        await ReportsAsync("core", HubStatus.Own("core"));
        await Hub.Bounded(core.CreateNodeAsync(NewNode()));

        Assert.That(await WireAsync(), Is.EqualTo(new[] { "GET /core/", "GET /core/", "GET /core/", "POST /core/nodes" }));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_status_slower_than_AttemptTimeout_fails_the_call_as_that_timeout()
    {
        await ReportsAsync("core", HubStatus.Own("core"), delayMilliseconds: 5000);
        var clock = new TestClock();
        var options = Options(maxRetries: 0, clock: clock);
        options.AttemptTimeout = TimeSpan.FromMilliseconds(300);
        using var core = new CoreClient(Hub.CoreUrl, options);

        var call = core.CreateNodeAsync(NewNode());
        await clock.WaitForAsync(options.AttemptTimeout);
        await Hub.UntilAsync(async () => (await WireAsync()).Count == 1);
        clock.Advance(options.AttemptTimeout);
        var error = await Hub.CatchBounded(() => call);

        Assert.That(error, Is.InstanceOf<HttpRequestException>(), error?.ToString());
        Assert.That(error!.InnerException, Is.InstanceOf<TimeoutException>());
        Assert.That(error.Message, Does.Contain("/core/").And.Contain("300 ms"));
        Assert.That(await WireAsync(), Is.EqualTo(new[] { "GET /core/" }));
    }

    private static IEnumerable<TestCaseData> NoStatus()
    {
        TestCaseData Case(string name, int status, string body, string contentType = "application/json; charset=utf-8") =>
            new TestCaseData(status, body, contentType).SetArgDisplayNames(name);

        yield return Case("404 Hub JSON", 404, """{"statusCode":404,"code":"NOT_FOUND","message":""}""");
        yield return Case("404 nginx page", 404, "<html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1></center><hr><center>nginx</center></body></html>", "text/html");
        yield return Case("401", 401, """{"statusCode":401,"code":"UNAUTHORIZED","message":""}""");
        yield return Case("200 HTML page", 200, "<!DOCTYPE html><html><body>FLAME Hub UI</body></html>", "text/html");
        yield return Case("200 broken JSON", 200, """{"version":""");
        yield return Case("200 empty", 200, "");
        yield return Case("200 array", 200, """["0.14.0"]""");
        yield return Case("200 version object", 200, """{"version":{"major":0,"minor":14}}""");
        yield return Case("200 version no release", 200, """{"version":"latest"}""");
        yield return Case("200 too large", 200, """{"version":"0.8.13","padding":" """ + new string('x', 200_000) + "\"}");
    }

    [TestCaseSource(nameof(NoStatus))]
    [CancelAfter(20_000)]
    public async Task An_answer_that_is_no_status_document_fails_the_check_and_sends_nothing(int status, string body, string contentType)
    {
        await ReportsAsync("core", body, status: status, contentType: contentType);
        using var core = new CoreClient(Hub.CoreUrl, Options());

        var error = await Hub.CatchBounded(() => core.CreateNodeAsync(NewNode()));
        var again = await Hub.CatchBounded(() => core.CreateNodeAsync(NewNode()));

        Assert.That(error, Is.TypeOf<HubReleaseCheckException>(), error?.ToString());
        Assert.That(error!.Message, Does.StartWith($"The release check of core at {Hub.CoreUrl} could not read its Hub release: "));
        Assert.That(error.Message, Does.Contain("Nothing was sent"));
        Assert.That(error.Message.Length, Is.LessThan(1200), "an oversized answer is not echoed");
        Assert.That(((HubReleaseCheckException)error).Service, Is.EqualTo("core"));
        Assert.That(again, Is.TypeOf<HubReleaseCheckException>());
        Assert.That(await WireAsync(), Is.EqualTo(new[] { "GET /core/", "GET /core/" }), "checked again by the next call; no create");
    }

    [Test, CancelAfter(20_000)]
    public async Task A_huge_status_answer_is_cut_off_as_too_large()
    {
        await ReportsAsync("core", """{"version":"0.8.13","padding":" """ + new string('x', 200_000) + "\"}");
        using var core = new CoreClient(Hub.CoreUrl, Options());

        var error = await Hub.CatchBounded(() => core.GetNodeAsync(Hub.Node));

        Assert.That(error?.InnerException, Is.TypeOf<HubResponseTooLargeException>(), error?.ToString());
        Assert.That(((HubResponseTooLargeException)error!.InnerException!).Limit, Is.EqualTo(64 * 1024));
    }

    [Test, CancelAfter(20_000)]
    public async Task Another_patch_of_the_line_passes_and_is_logged_once()
    {
        var own = Version.Parse(HubRelease.Hub);
        var patch = $"{own.Major}.{own.Minor}.{own.Build + 1}";
        await ReportsAsync("core", new JsonObject { ["version"] = patch, ["timestamp"] = 1 }.ToJsonString());
        var logs = new LogCapture();
        using var core = new CoreClient(Hub.CoreUrl, Options(logs));

        await Hub.Bounded(core.GetNodeAsync(Hub.Node));
        await Hub.Bounded(core.GetNodeAsync(Hub.Node));

        var log = ReleaseLogs(logs).ToList();
        Assert.That(log, Has.Count.EqualTo(1));
        Assert.That(log[0].Level, Is.EqualTo(LogLevel.Information));
        Assert.That(log[0].EventId.Name, Is.EqualTo("HubReleasePatch"));
        Assert.That(log[0].Message, Does.Contain($"reports Hub {patch}").And.Contain("generated for " + HubRelease.Hub));
        Assert.That((await WireAsync()).Count(r => r == "GET /core/"), Is.EqualTo(1));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_service_that_reports_no_version_passes()
    {
        await ReportsAsync("storage", HubStatus.Storage0813);
        await Hub.StubAsync(Hub.Request("GET", "/storage/buckets"), Hub.Respond(200, Hub.EmptyListJson));
        var logs = new LogCapture();
        using var storage = new StorageClient(Hub.StorageUrl, Options(logs));

        await Hub.Bounded(storage.FindBucketsAsync());

        Assert.That(await WireAsync(), Is.EqualTo(new[] { "GET /storage/", "GET /storage/buckets" }));
        Assert.That(ReleaseLogs(logs), Is.Empty);
    }

    [Test, CancelAfter(20_000)]
    public async Task Storage_of_another_release_is_refused()
    {
        await ReportsAsync("storage", HubStatus.Other("storage"));
        using var storage = new StorageClient(Hub.StorageUrl, Options());

        var error = await Hub.CatchBounded(() => storage.FindBucketsAsync());

        if (HubStatus.OtherVersion("storage") is null)
        {
            Assert.That(error, Is.Null, "storage 0.8.13 reports no version: it passes");
            return;
        }
        Assert.That(error, Is.TypeOf<HubReleaseMismatchException>(), error?.ToString());
        Assert.That(await WireAsync(), Is.EqualTo(new[] { "GET /storage/" }));
    }

    [Test, CancelAfter(20_000)]
    public async Task An_Authup_of_another_beta_is_refused()
    {
        await ReportsAsync("auth", HubStatus.Other("auth"));
        await Hub.StubAsync(Hub.Request("GET", "/auth/realms"), Hub.Respond(200, Hub.EmptyListJson));
        using var auth = new AuthClient(Hub.AuthUrl, Options());

        var error = await Hub.CatchBounded(() => auth.FindRealmsAsync());

        Assert.That(error, Is.TypeOf<HubReleaseMismatchException>(), error?.ToString());
        var mismatch = (HubReleaseMismatchException)error!;
        Assert.That(mismatch.Service, Is.EqualTo("auth"));
        Assert.That(mismatch.ExpectedVersion, Is.EqualTo(HubRelease.Authup));
        Assert.That(mismatch.Message, Does.Contain($"reports Authup {HubStatus.OtherVersion("auth")}; this package (FlameHub.Generated {HubRelease.PackageVersion}) speaks Authup {HubRelease.Authup}"));
        Assert.That(await WireAsync(), Is.EqualTo(new[] { "GET /auth/" }));
    }

    [Test, CancelAfter(20_000)]
    public async Task The_0_8_13_package_refuses_a_Hub_reporting_0_14_0_and_names_the_package_for_it()
    {
        await ReportsAsync("core", HubStatus.Core0140);
        var options = Options();
        options.ReleaseCatalog = ReleaseCatalogTests.As0813;
        using var core = new CoreClient(Hub.CoreUrl, options);

        var error = await Hub.CatchBounded(() => core.CreateNodeAsync(NewNode()));

        Assert.That(error, Is.TypeOf<HubReleaseMismatchException>(), error?.ToString());
        Assert.That(error!.Message, Does.Contain("reports Hub 0.14.0; this package (FlameHub.Generated 0.8.13-hub.1) speaks Hub 0.8.x; use FlameHub.Generated 0.14.0-hub.*."));
        Assert.That(((HubReleaseMismatchException)error).SuggestedPackageVersion, Is.EqualTo("0.14.0-hub.*"));
        Assert.That(await WireAsync(), Is.EqualTo(new[] { "GET /core/" }));
    }

    [Test, CancelAfter(20_000)]
    public async Task The_0_14_0_package_refuses_a_Hub_reporting_0_8_13_and_names_the_package_for_it()
    {
        await ReportsAsync("core", HubStatus.Core0813);
        await ReportsAsync("auth", HubStatus.Auth0813);
        var options = Options();
        options.ReleaseCatalog = ReleaseCatalogTests.As0140;
        using var core = new CoreClient(Hub.CoreUrl, options);
        using var auth = new AuthClient(Hub.AuthUrl, options);

        var error = await Hub.CatchBounded(() => core.CreateNodeAsync(NewNode()));
        var authError = await Hub.CatchBounded(() => auth.CheckReleaseAsync());

        Assert.That(error, Is.TypeOf<HubReleaseMismatchException>(), error?.ToString());
        Assert.That(error!.Message, Does.Contain("reports Hub 0.8.13; this package (FlameHub.Generated 0.14.0-hub.1) speaks Hub 0.14.x; use FlameHub.Generated 0.8.13-hub.*."));
        Assert.That(authError, Is.TypeOf<HubReleaseMismatchException>(), authError?.ToString());
        Assert.That(authError!.Message, Does.Contain("reports Authup 1.0.0-beta.26; this package (FlameHub.Generated 0.14.0-hub.1) speaks Authup 1.0.0-beta.62; use FlameHub.Generated 0.8.13-hub.*."));
        Assert.That(await WireAsync(), Is.EquivalentTo(new[] { "GET /core/", "GET /auth/" }));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_caller_that_cancels_while_the_check_runs_gets_its_cancellation_and_the_check_goes_on_for_the_others()
    {
        await ReportsAsync("core", HubStatus.Own("core"), delayMilliseconds: 1000);
        using var core = new CoreClient(Hub.CoreUrl, Options());
        using var cancel = new CancellationTokenSource();

        var first = core.GetNodeAsync(Hub.Node, cancellationToken: cancel.Token);
        await Hub.UntilAsync(async () => (await WireAsync()).Count == 1);
        var second = core.GetNodeAsync(Hub.Node);
        cancel.Cancel();
        var error = await Hub.CatchBounded(() => first, seconds: 5);
        var node = await Hub.Bounded(second);

        Assert.That(error, Is.InstanceOf<OperationCanceledException>(), error?.ToString());
        Assert.That(node, Is.Not.Null);
        Assert.That(await WireAsync(), Is.EqualTo(new[] { "GET /core/", "GET /core/nodes/" + Hub.NodeId }), "one check, and only the second call sent");
    }

    [Test, CancelAfter(20_000)]
    public async Task A_first_call_made_with_the_execution_context_flow_suppressed_is_checked_too()
    {
        await ReportsAsync("core", HubStatus.Other("core"));
        using var core = new CoreClient(Hub.CoreUrl, Options());

        Task<Node?> call;
        using (ExecutionContext.SuppressFlow()) call = core.GetNodeAsync(Hub.Node);

        var error = await Hub.CatchBounded(() => call);
        Assert.That(error, Is.TypeOf<HubReleaseMismatchException>(), error?.ToString());
    }

    [Test, CancelAfter(20_000)]
    public async Task CheckReleaseAsync_lets_a_host_check_at_start()
    {
        await ReportsAsync("core", HubStatus.Other("core"));
        await ReportsAsync("auth", HubStatus.Own("auth"));
        using var core = new CoreClient(Hub.CoreUrl, Options());
        using var auth = new AuthClient(Hub.AuthUrl, Options());

        Assert.ThrowsAsync<HubReleaseMismatchException>(() => core.CheckReleaseAsync());
        await Hub.Bounded(auth.CheckReleaseAsync());
        await Hub.Bounded(auth.CheckReleaseAsync());

        Assert.That(await WireAsync(), Is.EquivalentTo(new[] { "GET /core/", "GET /auth/" }));
    }

    [Test, CancelAfter(20_000)]
    public async Task GetStatusAsync_is_never_held_and_does_not_stand_in_for_the_check()
    {
        await ReportsAsync("core", HubStatus.Other("core"));
        using var core = new CoreClient(Hub.CoreUrl, Options());

        var status = await Hub.Bounded(core.GetStatusAsync());
        var error = await Hub.CatchBounded(() => core.CreateNodeAsync(NewNode()));

        Assert.That(status.Version, Is.EqualTo(HubStatus.OtherVersion("core")));
        Assert.That(error, Is.TypeOf<HubReleaseMismatchException>());
        Assert.That(await WireAsync(), Is.EqualTo(new[] { "GET /core/", "GET /core/" }));
    }

    [Test, CancelAfter(20_000)]
    public async Task The_check_sends_no_credential_and_asks_for_no_token()
    {
        var token = Hub.Jwt("guard");
        await Hub.StubTokenAsync(token, null);
        using var core = new CoreClient(Hub.CoreUrl, Hub.QuickOptions(new PasswordAuth("admin", Hub.Password, Hub.AuthUrl)));

        await Hub.Bounded(core.GetNodeAsync(Hub.Node));

        var journal = await Hub.Server.RequestsAsync(withReleaseChecks: true);
        var status = journal.Single(r => Hub.PathOf(r) == "/core/");
        Assert.That(Hub.Header(status, "Authorization"), Is.Null);
        Assert.That(journal.Select(Hub.PathOf), Is.EqualTo(new[] { "/core/", "/auth/token", "/core/nodes/" + Hub.NodeId }));
        Assert.That(Hub.Header(journal[2], "Authorization"), Is.EqualTo("Bearer " + token));
    }

    [Test, CancelAfter(20_000)]
    public async Task Clients_of_AddFlameHub_share_one_check_per_service()
    {
        var services = new ServiceCollection();
        services.AddFlameHub(o => o.UseGateway(Hub.Server.BaseUrl));
        using var provider = services.BuildServiceProvider();

        for (var i = 0; i < 3; i++) await Hub.Bounded(provider.GetRequiredService<ICoreClient>().GetNodeAsync(Hub.Node));

        Assert.That((await WireAsync()).Count(r => r == "GET /core/"), Is.EqualTo(1));
    }

    [TestCase("Off", HubReleaseCheck.Off)]
    [TestCase("warn", HubReleaseCheck.Warn)]
    [TestCase("Strict", HubReleaseCheck.Strict)]
    [CancelAfter(20_000)]
    public async Task ReleaseCheck_is_bound_from_configuration(string value, HubReleaseCheck expected)
    {
        await ReportsAsync("core", HubStatus.Other("core"));
        var services = new ServiceCollection();
        services.AddFlameHub(ConfiguredHub.Section(("Gateway", Hub.Server.BaseUrl.ToString()), ("ReleaseCheck", value)));
        using var provider = services.BuildServiceProvider();

        var error = await Hub.CatchBounded(() => provider.GetRequiredService<ICoreClient>().CreateNodeAsync(NewNode()));

        Assert.That(provider.GetRequiredService<IOptions<FlameHubOptions>>().Value.ReleaseCheck, Is.EqualTo(expected));
        var created = (await WireAsync()).Contains("POST /core/nodes");
        Assert.That(created, Is.EqualTo(expected != HubReleaseCheck.Strict), error?.ToString());
        Assert.That(error is HubReleaseMismatchException, Is.EqualTo(expected == HubReleaseCheck.Strict));
    }

    [Test, CancelAfter(20_000)]
    public void A_ReleaseCheck_that_is_no_mode_is_refused_naming_the_key()
    {
        var services = new ServiceCollection();
        services.AddFlameHub(ConfiguredHub.Section(("ReleaseCheck", "Strikt")));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => _ = provider.GetRequiredService<IOptions<FlameHubOptions>>().Value);

        Assert.That(error!.Message, Does.Contain("FlameHub:ReleaseCheck"));
    }

    [Test]
    public void The_default_is_Strict()
    {
        Assert.That(new HubClientOptions().ReleaseCheck, Is.EqualTo(HubReleaseCheck.Strict));
        Assert.That(new FlameHubOptions().ReleaseCheck, Is.EqualTo(HubReleaseCheck.Strict));
    }
}
