using System.Diagnostics;
using FlameHub.Core;
using FlameHub.Generated.Tests.Transport;

namespace FlameHub.Generated.Tests.Telemetry;

/// <summary>
/// The spans a call leaves, as an OpenTelemetry set-up that also instruments HttpClient sees
/// them: one FlameHub span per client operation, named after it, over .NET's own CLIENT span of
/// each attempt, with the OpenTelemetry attributes, the retries and the outcome.
/// </summary>
[NonParallelizable]
public class TracingTests
{
    private static HubClientOptions Options(int maxRetries = 2) => new()
    {
        Timeout = TimeSpan.FromSeconds(10),
        AttemptTimeout = TimeSpan.FromSeconds(5),
        Retry = new HubRetryOptions { MaxRetries = maxRetries, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromSeconds(1) },
        CorrelationId = "trace-me",
    };

    [Test, CancelAfter(20_000)]
    public async Task A_call_is_one_Internal_span_named_after_the_operation_over_one_HttpClient_CLIENT_span()
    {
        await using var hub = await ScriptedHub.StartAsync();
        using var spans = SpanRecorder.WithHttpClient();
        using var core = new CoreClient(hub.CoreUrl, Options());

        await Hub.Bounded(core.GetNodeAsync(Hub.Node));

        var operation = spans.Operation("CoreClient.GetNode");
        Assert.That(operation.Kind, Is.EqualTo(ActivityKind.Internal));
        Assert.That(operation.Status, Is.EqualTo(ActivityStatusCode.Unset));
        Assert.That(operation.GetTagItem("url.template"), Is.EqualTo("/core/nodes/{id}"));
        Assert.That(operation.GetTagItem("http.request.method"), Is.EqualTo("GET"));
        Assert.That(operation.GetTagItem("server.address"), Is.EqualTo("127.0.0.1"));
        Assert.That(operation.GetTagItem("server.port"), Is.EqualTo(hub.BaseAddress.Port));
        Assert.That(operation.GetTagItem("http.response.status_code"), Is.EqualTo(200));
        Assert.That(operation.GetTagItem("flamehub.request_id"), Is.EqualTo("trace-me"));
        Assert.That(operation.GetTagItem("error.type"), Is.Null);
        Assert.That(operation.GetTagItem("http.request.resend_count"), Is.Null, "set only when the request was sent again");
        Assert.That(operation.GetTagItem("url.path"), Is.Null, "url.path is a server-side attribute");

        var http = spans.HttpSpansUnder(operation);
        Assert.That(http, Has.Count.EqualTo(1), spans.Describe());
        Assert.That(http[0].Kind, Is.EqualTo(ActivityKind.Client));
        Assert.That(spans.Trace(operation).Count(a => a.Kind == ActivityKind.Client), Is.EqualTo(1), "one CLIENT span per request: " + spans.Describe());
    }

    [Test, CancelAfter(20_000)]
    public async Task The_operation_span_lasts_until_the_answer_is_read_past_the_HttpClient_span_that_ends_with_the_headers()
    {
        await using var hub = await ScriptedHub.StartAsync();
        hub.Then(ScriptedHub.SlowNode(TimeSpan.FromMilliseconds(300)));
        using var spans = SpanRecorder.WithHttpClient();
        using var core = new CoreClient(hub.CoreUrl, Options());

        var node = await Hub.Bounded(core.GetNodeAsync(Hub.Node));

        Assert.That(node?.Id, Is.EqualTo(Hub.Node));
        var operation = spans.Operation("CoreClient.GetNode");
        var http = spans.HttpSpansUnder(operation).Single();
        var operationEnd = operation.StartTimeUtc + operation.Duration;
        var httpEnd = http.StartTimeUtc + http.Duration;
        // .NET 8's HTTP span ends a little later than .NET 10's; either way far from the operation's end.
        Assert.That(operationEnd - httpEnd, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(200)), "the body came 300 ms after the headers");
        Assert.That(operation.StartTimeUtc, Is.LessThanOrEqualTo(http.StartTimeUtc));
    }

    [Test, CancelAfter(20_000)]
    public async Task Retries_are_HttpClient_spans_under_the_one_operation_span_with_a_retry_event_each_and_the_resend_count()
    {
        await using var hub = await ScriptedHub.StartAsync();
        hub.Then(ScriptedHub.Status(503), ScriptedHub.Status(429, headers: ("RateLimit-Reset", "0")));
        using var spans = SpanRecorder.WithHttpClient();
        using var core = new CoreClient(hub.CoreUrl, Options(maxRetries: 2));

        await Hub.Bounded(core.GetNodeAsync(Hub.Node));

        Assert.That(hub.CoreRequests, Is.EqualTo(3));
        var operation = spans.Operation("CoreClient.GetNode");
        Assert.That(spans.HttpSpansUnder(operation), Has.Count.EqualTo(3), "the attempt and two retries: " + spans.Describe());
        Assert.That(spans.Trace(operation).Count(a => a.Source.Name == FlameHubDiagnostics.ActivitySourceName), Is.EqualTo(1));
        Assert.That(operation.GetTagItem("http.request.resend_count"), Is.EqualTo(2));
        Assert.That(operation.GetTagItem("http.response.status_code"), Is.EqualTo(200));
        Assert.That(operation.GetTagItem("error.type"), Is.Null, "the call succeeded in the end");

        var retries = operation.Events.ToList();
        Assert.That(retries.Select(e => e.Name), Is.EqualTo(new[] { "retry", "retry" }));
        Assert.That(retries.Select(e => Tag(e, "flamehub.retry.attempt")), Is.EqualTo(new object[] { 1, 2 }));
        Assert.That(retries.Select(e => Tag(e, "error.type")), Is.EqualTo(new object[] { "503", "429" }));
        Assert.That(retries.Select(e => Tag(e, "flamehub.retry.delay_source")), Is.EqualTo(new object[] { "backoff", "rate_limit_reset" }));
        Assert.That(Tag(retries[1], "flamehub.retry.delay"), Is.EqualTo(0.0), "RateLimit-Reset: 0");
    }

    private static IEnumerable<TestCaseData> Failures()
    {
        yield return new TestCaseData(ScriptedHub.Status(400, """{"statusCode":400,"code":"undefined","message":"The attributes name are invalid."}"""), "400", 400)
            .SetName("An error status is error.type as its code");
        yield return new TestCaseData(ScriptedHub.Status(404, "<html>proxy</html>"), "404", 404)
            .SetName("A 404 that is not the Hub's is error.type 404");
        yield return new TestCaseData(ScriptedHub.Late(TimeSpan.FromSeconds(10)), "System.TimeoutException", null)
            .SetName("An attempt timeout is error.type System.TimeoutException");
    }

    [TestCaseSource(nameof(Failures)), CancelAfter(20_000)]
    public async Task A_failed_call_has_error_type_and_status_Error(Func<Microsoft.AspNetCore.Http.HttpContext, Task> answer, string errorType, int? status)
    {
        await using var hub = await ScriptedHub.StartAsync();
        hub.Then(answer);
        using var spans = SpanRecorder.WithHttpClient();
        var options = Options(maxRetries: 0);
        options.AttemptTimeout = TimeSpan.FromMilliseconds(200);
        using var core = new CoreClient(hub.CoreUrl, options);

        var error = await Hub.CatchBounded(() => core.GetNodeAsync(Hub.Node));

        Assert.That(error, Is.Not.Null);
        var operation = spans.Operation("CoreClient.GetNode");
        Assert.That(operation.GetTagItem("error.type"), Is.EqualTo(errorType), error!.ToString());
        Assert.That(operation.Status, Is.EqualTo(ActivityStatusCode.Error));
        Assert.That(operation.GetTagItem("http.response.status_code"), Is.EqualTo(status));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_connection_failure_is_error_type_HttpRequestException()
    {
        using var spans = SpanRecorder.WithHttpClient();
        // The operation's own attempts are what this is about: with the release check on, a refused
        // connection fails the check's GET / first, with the same exception (ReleaseGuardTests).
        var options = Options(maxRetries: 1);
        options.ReleaseCheck = HubReleaseCheck.Off;
        using var core = new CoreClient(ScriptedHub.Refusing(), options);

        var error = await Hub.CatchBounded(() => core.GetNodeAsync(Hub.Node));

        Assert.That(error, Is.InstanceOf<HttpRequestException>());
        var operation = spans.Operation("CoreClient.GetNode");
        Assert.That(operation.GetTagItem("error.type"), Is.EqualTo("System.Net.Http.HttpRequestException"));
        Assert.That(operation.Status, Is.EqualTo(ActivityStatusCode.Error));
        Assert.That(operation.GetTagItem("http.request.resend_count"), Is.EqualTo(1));
        Assert.That(Tag(operation.Events.Single(), "error.type"), Is.EqualTo("System.Net.Http.HttpRequestException"));
        Assert.That(spans.HttpSpansUnder(operation), Has.Count.EqualTo(2));
    }

    [Test, CancelAfter(20_000)]
    public async Task Without_a_listener_on_System_Net_Http_the_operation_span_is_the_CLIENT_span()
    {
        await using var hub = await ScriptedHub.StartAsync();
        using var spans = new SpanRecorder(FlameHubDiagnostics.ActivitySourceName);
        using var core = new CoreClient(hub.CoreUrl, Options());

        await Hub.Bounded(core.GetNodeAsync(Hub.Node));

        var operation = spans.Operation("CoreClient.GetNode");
        Assert.That(operation.Kind, Is.EqualTo(ActivityKind.Client));
        Assert.That(spans.Stopped, Has.Count.EqualTo(1), spans.Describe());
    }

    [Test, CancelAfter(20_000)]
    public async Task Every_kind_of_call_is_named_after_its_client_method()
    {
        await using var hub = await ScriptedHub.StartAsync();
        hub.Then(ScriptedHub.Status(200, Hub.EmptyListJson), ScriptedHub.Status(200, Hub.EmptyListJson), ScriptedHub.Status(200, Hub.EmptyListJson),
            ScriptedHub.Status(202, ""));
        using var spans = SpanRecorder.WithHttpClient();
        using var core = new CoreClient(hub.CoreUrl, Options());

        await Hub.Bounded(core.FindNodesAsync(new FindOptions()));
        await Hub.Bounded(core.GetNodesAsync());
        await foreach (var _ in core.ListAllNodesAsync()) { }
        await Hub.Bounded(core.DeleteNodeAsync(Hub.Node));

        Assert.That(spans.Stopped.Where(a => a.Source.Name == FlameHubDiagnostics.ActivitySourceName).Select(a => a.DisplayName),
            Is.EqualTo(new[] { "CoreClient.FindNodes", "CoreClient.GetNodes", "CoreClient.ListAllNodes", "CoreClient.DeleteNode" }));
        Assert.That(spans.Operation("CoreClient.FindNodes").GetTagItem("url.template"), Is.EqualTo("/core/nodes"));
        Assert.That(spans.Operation("CoreClient.DeleteNode").GetTagItem("http.request.method"), Is.EqualTo("DELETE"));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_token_request_is_a_span_of_its_own_under_the_operation_that_needed_it()
    {
        await using var hub = await ScriptedHub.StartAsync();
        hub.Grant("password", ScriptedHub.Token(Hub.Jwt("a"), Hub.Jwt("r")));
        using var spans = SpanRecorder.WithHttpClient();
        var options = Options();
        options.Credential = new PasswordAuth("admin", Hub.Password, hub.AuthUrl);
        using var core = new CoreClient(hub.CoreUrl, options);

        await Hub.Bounded(core.GetNodeAsync(Hub.Node));

        var operation = spans.Operation("CoreClient.GetNode");
        var token = spans.Operation("HubTokenCredential.RequestToken");
        Assert.That(token.ParentSpanId, Is.EqualTo(operation.SpanId));
        Assert.That(token.Kind, Is.EqualTo(ActivityKind.Internal));
        Assert.That(token.GetTagItem("flamehub.auth.grant_type"), Is.EqualTo("password"));
        Assert.That(token.GetTagItem("url.template"), Is.EqualTo("/auth/token"));
        Assert.That(spans.HttpSpansUnder(token).Count(), Is.EqualTo(1));
        Assert.That(spans.HttpSpansUnder(operation).Count(), Is.EqualTo(1));
        if (Environment.Version.Major >= 9)
        {
            // The runtime's own HTTP spans carry OpenTelemetry's tags from .NET 9 on; .NET 8's carry none.
            Assert.That(spans.HttpSpansUnder(token).Select(s => s.GetTagItem("http.request.method")), Is.EqualTo(new[] { "POST" }));
            Assert.That(spans.HttpSpansUnder(operation).Select(s => s.GetTagItem("http.request.method")), Is.EqualTo(new[] { "GET" }));
        }
        Assert.That(operation.GetTagItem("http.request.resend_count"), Is.Null);
    }

    [Test, CancelAfter(20_000)]
    public async Task The_request_id_tag_is_the_X_Request_Id_of_the_HubCorrelation_scope()
    {
        await using var hub = await ScriptedHub.StartAsync();
        using var spans = SpanRecorder.WithHttpClient();
        using var core = new CoreClient(hub.CoreUrl, Options());

        using (HubCorrelation.Use("job-42")) await Hub.Bounded(core.GetNodeAsync(Hub.Node));

        Assert.That(spans.Operation("CoreClient.GetNode").GetTagItem("flamehub.request_id"), Is.EqualTo("job-42"));
        Assert.That(hub.RequestIds, Is.EqualTo(new[] { "job-42" }), "the id the span names is the one sent");
    }

    private static object? Tag(ActivityEvent activityEvent, string name) => activityEvent.Tags.FirstOrDefault(t => t.Key == name).Value;
}
