using System.Net;
using FlameHub.Core;
using FlameHub.Storage;
using FlameHub.Testing;
using Microsoft.Extensions.Time.Testing;

namespace FlameHub.Generated.Testing.Tests;

/// <summary>
/// What FakeHub's surface promises beyond serving: the handler belongs to the fake (disposing it
/// elsewhere changes nothing, a disposed hub refuses), one hub serves parallel callers, disposing
/// is idempotent, and a fault that could never match or could never be answered is refused when it is added.
/// </summary>
public sealed class SurfaceContractTests
{
    [Test, CancelAfter(60_000)]
    public async Task One_hub_serves_parallel_callers_each_create_once_and_each_fault_once()
    {
        using var hub = new FakeHub();
        // As many 503s as the client retries: however they fall on the parallel reads, each read gets through.
        using var core = new CoreClient(hub.CoreUrl, new HubClientOptions { Credential = hub.Admin, Retry = { BaseDelay = TimeSpan.Zero, MaxRetries = 10 } }, hub.Handler);
        hub.Faults.FailNext(HttpMethod.Get, "/core/nodes", HttpStatusCode.ServiceUnavailable, count: 10);

        var created = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            core.CreateNodeAsync(new CreateNode { Name = $"site-{i}", ExternalName = $"Site {i}" }))));
        var read = await Task.WhenAll(created.Select(node => Task.Run(() => core.GetNodeAsync(node.Id))));

        Assert.That(created.Select(n => n.Id).Distinct().Count(), Is.EqualTo(40));
        Assert.That(read.Select(n => n?.Name), Is.EquivalentTo(created.Select(n => n.Name)), "every read was served, through the 503s the client retried");
        Assert.That((hub.Faults.Answered, hub.Faults.Pending), Is.EqualTo((10, 0)), "each fault was used once");
        Assert.That((await core.FindNodesAsync()).Meta.Total, Is.EqualTo(40));
    }

    [Test, CancelAfter(20_000)]
    public async Task Disposing_an_HttpClient_over_the_handler_leaves_the_fake_and_its_files_as_they_were()
    {
        using var hub = new FakeHub();
        using var storage = new StorageClient(hub.StorageUrl, hub.Admin, hub.Handler);
        var bucket = await storage.CreateBucketAsync(new CreateBucket { Name = "results" });
        byte[] bytes = [.. "a,b\n1,2\n"u8];
        var files = await storage.UploadToBucketAsync(bucket.Id, new UploadFile("summary.csv", new MemoryStream(bytes)));

        new HttpClient(hub.Handler).Dispose(); // disposeHandler: true, the default
        hub.Handler.Dispose();

        await using var stream = await storage.StreamBucketFileAsync(files[0].Id);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        Assert.That(copy.ToArray(), Is.EqualTo(bytes), "the stored file is still served");
    }

    [Test, CancelAfter(20_000)]
    public async Task A_disposed_hub_refuses_requests_and_listening_and_a_second_dispose_does_nothing()
    {
        var hub = new FakeHub();
        using var http = new HttpClient(hub.Handler);
        using (var status = await http.GetAsync(hub.CoreUrl))
        {
            Assert.That(status.StatusCode, Is.EqualTo(HttpStatusCode.OK), "served before Dispose");
        }

        hub.Dispose();

        Assert.That(async () => await http.GetAsync(hub.CoreUrl), Throws.InstanceOf<ObjectDisposedException>());
        Assert.That(() => hub.ListenOnLoopback(), Throws.InstanceOf<ObjectDisposedException>());
        Assert.That(hub.Dispose, Throws.Nothing);
    }

    [Test, CancelAfter(20_000)]
    public async Task A_listener_disposed_both_ways_closes_its_port_once()
    {
        using var hub = new FakeHub();
        var listener = hub.ListenOnLoopback();
        listener.Dispose();
        Assert.That(async () => await listener.DisposeAsync(), Throws.Nothing);
        listener.Dispose();

        using var http = new HttpClient();
        Assert.That(async () => await http.GetAsync(listener.Url), Throws.InstanceOf<HttpRequestException>(), "the port is closed");
    }

    [Test]
    public void A_fault_that_could_never_match_or_be_answered_is_refused_and_not_added()
    {
        using var hub = new FakeHub();

        Assert.That(() => hub.Faults.FailNext(HttpMethod.Get, "core/nodes", HttpStatusCode.ServiceUnavailable),
            Throws.ArgumentException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("pathPrefix"), "a request's path starts with '/'");
        Assert.That(() => hub.Faults.FailNext(HttpMethod.Get, "/core/nodes", HttpStatusCode.ServiceUnavailable, retryAfter: TimeSpan.FromSeconds(-1)),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo("retryAfter"));
        Assert.That(() => hub.Faults.DelayNext(null, "/core/", TimeSpan.FromSeconds(-1)), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => hub.Faults.ResetNext(null, "/core/", count: 0), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(hub.Faults.Pending, Is.Zero);
    }

    [Test, CancelAfter(20_000)]
    public async Task An_infinite_delay_holds_the_request_whatever_the_clock_does_until_it_is_cancelled()
    {
        var clock = new FakeTimeProvider();
        using var hub = new FakeHub(clock);
        using var http = new HttpClient(hub.Handler, disposeHandler: false);
        hub.Faults.DelayNext(HttpMethod.Get, "/core", Timeout.InfiniteTimeSpan);
        using var cancel = new CancellationTokenSource();

        var held = http.GetAsync(hub.CoreUrl, cancel.Token);
        clock.Advance(TimeSpan.FromDays(365));
        Assert.That(held.IsCompleted, Is.False, "a year on the fake's clock later");
        Assert.That(hub.Faults.Answered, Is.EqualTo(1));

        await cancel.CancelAsync();
        Assert.That(async () => await held, Throws.InstanceOf<OperationCanceledException>());
        using var served = await http.GetAsync(hub.CoreUrl);
        Assert.That(served.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the fault was used up");
    }
}
