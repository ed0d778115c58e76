using FlameHub.Core;
using FlameHub.Generated.Tests.Transport;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace FlameHub.Generated.Tests.Telemetry;

/// <summary>
/// What the <c>FlameHub</c> meter records, read with <see cref="MetricCollector{T}"/>: each
/// operation's duration by operation and outcome, each retry and rate-limit wait, each token request
/// by grant type and outcome.
/// </summary>
[NonParallelizable]
public class MetricsTests
{
    private static HubClientOptions Options(int maxRetries = 2) => new()
    {
        Timeout = TimeSpan.FromSeconds(10),
        AttemptTimeout = TimeSpan.FromSeconds(5),
        Retry = new HubRetryOptions { MaxRetries = maxRetries, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromSeconds(1) },
    };

    private static MetricCollector<T> Collect<T>(string instrument) where T : struct =>
        new(meterScope: null, FlameHubDiagnostics.MeterName, instrument);

    /// <summary>The durations recorded for this test's own server: a call another test left running may record on the shared Meter meanwhile.</summary>
    private static CollectedMeasurement<double> OfHub(MetricCollector<double> collector, ScriptedHub hub) =>
        collector.GetMeasurementSnapshot().Single(m => Equals(m.Tags.GetValueOrDefault("server.port"), hub.CoreUrl.Port));

    private static Dictionary<string, object?> Tags<T>(CollectedMeasurement<T> measurement) where T : struct =>
        measurement.Tags.ToDictionary(t => t.Key, t => t.Value);

    [Test, CancelAfter(20_000)]
    public async Task An_operation_records_its_whole_duration_in_seconds_by_operation_and_outcome()
    {
        await using var hub = await ScriptedHub.StartAsync();
        hub.Then(ScriptedHub.SlowNode(TimeSpan.FromMilliseconds(200)));
        using var duration = Collect<double>("flamehub.client.operation.duration");
        using var core = new CoreClient(hub.CoreUrl, Options());

        await Hub.Bounded(core.GetNodeAsync(Hub.Node));

        var measurement = OfHub(duration, hub);
        Assert.That(duration.Instrument!.Unit, Is.EqualTo("s"));
        Assert.That(measurement.Value, Is.GreaterThanOrEqualTo(0.2).And.LessThan(10), "in seconds, reading the late half of the body included");
        Assert.That(Tags(measurement), Is.EquivalentTo(new Dictionary<string, object?>
        {
            ["flamehub.operation"] = "CoreClient.GetNode",
            ["flamehub.outcome"] = "success",
            ["server.address"] = hub.CoreUrl.Host,
            ["server.port"] = hub.CoreUrl.Port,
        }));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_failed_operation_records_outcome_failure_and_error_type()
    {
        await using var hub = await ScriptedHub.StartAsync();
        hub.Then(ScriptedHub.Status(404, "<html>proxy</html>"));
        using var duration = Collect<double>("flamehub.client.operation.duration");
        using var core = new CoreClient(hub.CoreUrl, Options());

        Assert.That(await Hub.CatchBounded(() => core.GetNodeAsync(Hub.Node)), Is.InstanceOf<HubApiException>());

        var tags = Tags(OfHub(duration, hub));
        Assert.That(tags["flamehub.operation"], Is.EqualTo("CoreClient.GetNode"));
        Assert.That(tags["flamehub.outcome"], Is.EqualTo("failure"));
        Assert.That(tags["error.type"], Is.EqualTo("404"));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_call_the_caller_cancels_records_outcome_cancelled()
    {
        await using var hub = await ScriptedHub.StartAsync();
        hub.Then(ScriptedHub.Late(TimeSpan.FromSeconds(10)));
        using var duration = Collect<double>("flamehub.client.operation.duration");
        using var core = new CoreClient(hub.CoreUrl, Options());
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        Assert.That(await Hub.CatchBounded(() => core.GetNodeAsync(Hub.Node, cancellationToken: cancel.Token)), Is.InstanceOf<OperationCanceledException>());

        var tags = Tags(OfHub(duration, hub));
        Assert.That(tags["flamehub.outcome"], Is.EqualTo("cancelled"));
        Assert.That(tags["error.type"], Is.EqualTo(typeof(TaskCanceledException).FullName).Or.EqualTo(typeof(OperationCanceledException).FullName));
    }

    [Test, CancelAfter(20_000)]
    public async Task Each_retry_counts_with_its_reason_and_a_429_counts_as_a_rate_limit_wait_with_its_duration()
    {
        await using var hub = await ScriptedHub.StartAsync();
        hub.Then(ScriptedHub.Status(503), ScriptedHub.Status(429, headers: ("RateLimit-Reset", "0.05")));
        using var retries = Collect<long>("flamehub.client.retries");
        using var waits = Collect<long>("flamehub.client.rate_limit.waits");
        using var waited = Collect<double>("flamehub.client.rate_limit.wait.duration");
        using var core = new CoreClient(hub.CoreUrl, Options(maxRetries: 2));

        await Hub.Bounded(core.GetNodeAsync(Hub.Node));

        Assert.That(hub.CoreRequests, Is.EqualTo(3));
        var counted = retries.GetMeasurementSnapshot();
        Assert.That(counted.Select(m => m.Value), Is.EqualTo(new[] { 1L, 1L }));
        Assert.That(counted.Select(m => m.Tags["error.type"]), Is.EqualTo(new object[] { "503", "429" }));
        Assert.That(counted.Select(m => m.Tags["flamehub.operation"]), Is.All.EqualTo("CoreClient.GetNode"));
        Assert.That(retries.Instrument!.Unit, Is.EqualTo("{retry}"));

        var wait = waits.GetMeasurementSnapshot().Single();
        Assert.That(wait.Value, Is.EqualTo(1));
        Assert.That(wait.Tags["flamehub.operation"], Is.EqualTo("CoreClient.GetNode"));
        Assert.That(waited.GetMeasurementSnapshot().Single().Value, Is.EqualTo(0.05).Within(1e-9), "the RateLimit-Reset the Hub sent, in seconds");
        Assert.That(waited.Instrument!.Unit, Is.EqualTo("s"));
    }

    [Test, CancelAfter(20_000)]
    public async Task Token_requests_count_by_grant_type_and_outcome_a_refused_refresh_included()
    {
        await using var hub = await ScriptedHub.StartAsync();
        hub.Grant("password", ScriptedHub.Token(Hub.Jwt("a"), Hub.Jwt("r")))
            .Grant("refresh_token", ScriptedHub.Status(400, Hub.InvalidCredentialsJson));
        using var tokens = Collect<long>("flamehub.auth.token_requests");
        var clock = new ManualClock();
        var options = Options();
        options.Credential = new PasswordAuth("admin", Hub.Password, hub.AuthUrl, new HubCredentialOptions { TimeProvider = clock });
        using var core = new CoreClient(hub.CoreUrl, options);

        await Hub.Bounded(core.GetNodeAsync(Hub.Node));     // password grant
        await Hub.Bounded(core.GetNodeAsync(Hub.Node));     // the cached token
        clock.Advance(TimeSpan.FromHours(2));
        await Hub.Bounded(core.GetNodeAsync(Hub.Node));     // refresh refused → password grant

        var requests = tokens.GetMeasurementSnapshot().Select(m => (
            Grant: m.Tags["flamehub.auth.grant_type"], Outcome: m.Tags["flamehub.outcome"], Error: m.Tags.GetValueOrDefault("error.type"), m.Value)).ToList();
        Assert.That(requests, Is.EqualTo(new (object?, object?, object?, long)[]
        {
            ("password", "success", null, 1),
            ("refresh_token", "failure", "400", 1),
            ("password", "success", null, 1),
        }));
        Assert.That(tokens.Instrument!.Unit, Is.EqualTo("{request}"));
    }

    [Test]
    public void With_no_listener_an_operation_starts_no_telemetry()
    {
        var scope = HubOperationScope.Start(new HubOperationInfo("CoreClient.GetNode", "nodes/{id}"), HttpMethod.Get, new Uri("http://127.0.0.1/core/"));

        Assert.That(scope, Is.Null, "nothing is allocated or tagged when no one listens");
        using (Collect<long>("flamehub.client.retries"))
        {
            using var counted = HubOperationScope.Start(new HubOperationInfo("CoreClient.GetNode", "nodes/{id}"), HttpMethod.Get, new Uri("http://127.0.0.1/core/"));
            Assert.That(counted, Is.Not.Null, "a listener on the retries wants the operation's name");
            Assert.That(counted!.Activity, Is.Null, "but no span");
        }
    }
}
