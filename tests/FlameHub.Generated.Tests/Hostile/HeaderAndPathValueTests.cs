using FlameHub.Core;
using FlameHub.Generated.Tests.Transport;
using FlameHub.Storage;

namespace FlameHub.Generated.Tests.Hostile;

/// <summary>
/// Values that go into a header or a path are checked where they are set: a correlation id with a
/// CR or LF would end <c>X-Request-Id</c> early and start a header of the caller's choosing, and a
/// path segment <c>..</c> would name another resource. Both are refused before anything is sent;
/// other text is percent-encoded into one segment.
/// </summary>
public class HeaderAndPathValueTests
{
    private const string BucketJson = """{"id":"0c7a1c3e-6d0f-4d43-9d5e-0c1b8b7f2a11","name":"a/b?c","region":null}""";

    private static IEnumerable<TestCaseData> BadIds()
    {
        yield return new TestCaseData("job\r\nX-Injected: 1", "contains a control character (CR) at index 3");
        yield return new TestCaseData("job\nX-Injected: 1", "contains a control character (LF) at index 3");
        yield return new TestCaseData("job 42", "contains a space at index 3");
        yield return new TestCaseData("jöb", "contains a non-ASCII character (U+00F6) at index 1");
        yield return new TestCaseData("", "must not be empty");
    }

    [TestCaseSource(nameof(BadIds))]
    public void A_bad_correlation_id_is_refused_by_the_options(string id, string problem)
    {
        var error = Assert.Throws<ArgumentException>(() => _ = new HubClientOptions { CorrelationId = id })!;

        Assert.That(error.Message, Does.Contain(problem));
        Assert.That(error.ParamName, Is.EqualTo("CorrelationId"));
        Assert.That(error.Message, Does.Not.Contain("X-Injected"), "the value is not echoed");
    }

    [TestCaseSource(nameof(BadIds))]
    public void A_bad_correlation_id_is_refused_by_a_scope(string id, string problem)
    {
        var error = Assert.Throws<ArgumentException>(() => HubCorrelation.Use(id))!;

        Assert.That(error.Message, Does.Contain(problem));
        Assert.That(HubCorrelation.Current, Is.Null, "no scope was opened");
    }

    [TestCaseSource(nameof(BadIds))]
    public void A_bad_correlation_id_is_refused_by_the_tracing_handler(string id, string problem)
    {
        var error = Assert.Throws<ArgumentException>(() => new HubTracingHandler(id).Dispose())!;

        Assert.That(error.Message, Does.Contain(problem));
    }

    [Test]
    public void A_long_correlation_id_is_refused_without_being_echoed()
    {
        var id = new string('x', 5000);

        var error = Assert.Throws<ArgumentException>(() => HubCorrelation.Use(id))!;

        Assert.That(error.Message, Does.Contain("5000 characters long; at most 200"));
        Assert.That(error.Message.Length, Is.LessThan(300));
        Assert.That(new HubClientOptions { CorrelationId = new string('x', 200) }.CorrelationId, Has.Length.EqualTo(200), "200 is still fine");
    }

    [Test, CancelAfter(20_000)]
    public async Task A_valid_correlation_id_goes_out_as_X_Request_Id()
    {
        await using var server = RawHttpServer.Answering(200, Hub.NodeJson);
        var options = Hub.QuickOptions();
        options.CorrelationId = "scheduler-7";
        using var core = new CoreClient(new Uri(server.BaseAddress, "core/"), options);

        await Hub.Bounded(core.GetNodeAsync(Hub.Node));
        using (HubCorrelation.Use("job-42:step~3"))
        {
            await Hub.Bounded(core.GetNodeAsync(Hub.Node));
        }

        Assert.That(server.Received.Select(r => r.Headers["X-Request-Id"]), Is.EqualTo(new[] { "scheduler-7", "job-42:step~3" }));
    }

    [TestCase("..")]
    [TestCase(".")]
    [TestCase("")]
    [CancelAfter(20_000)]
    public async Task A_bucket_name_that_is_not_one_segment_is_refused_before_sending(string name)
    {
        await using var server = RawHttpServer.Answering(200, BucketJson);
        using var storage = new StorageClient(new Uri(server.BaseAddress, "storage/"), Hub.QuickOptions());

        var error = await Hub.CatchBounded(() => storage.GetBucketAsync(name));

        Assert.That(error, Is.InstanceOf<ArgumentException>(), error?.ToString());
        Assert.That(error!.Message, Does.Contain("A path parameter must not be"));
        Assert.That(server.Received, Is.Empty);
    }

    [Test, CancelAfter(20_000)]
    public async Task A_name_with_slash_or_question_mark_stays_one_percent_encoded_segment()
    {
        await using var server = RawHttpServer.Answering(200, BucketJson);
        using var storage = new StorageClient(new Uri(server.BaseAddress, "storage/"), Hub.QuickOptions());

        var bucket = await Hub.Bounded(storage.GetBucketAsync("a/b?c"));

        Assert.That(bucket!.Name, Is.EqualTo("a/b?c"));
        Assert.That(server.Received.Single().Target.Split('?')[0], Is.EqualTo("/storage/buckets/a%2Fb%3Fc"));
    }

    [TestCase("..", "\"..\"")]
    [TestCase(".", "\".\"")]
    public void Every_string_segment_refuses_dot_names(string segment, string named)
    {
        var error = Assert.Throws<ArgumentException>(() => HubPath.Segment(segment))!;

        Assert.That(error.Message, Does.Contain(named));
        Assert.That(HubPath.Segment("..a"), Is.EqualTo("..a"), "dots inside a name are fine");
    }
}
