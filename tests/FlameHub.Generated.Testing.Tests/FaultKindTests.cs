using System.Net;
using FlameHub.Core;
using FlameHub.Storage;
using FlameHub.Testing;

namespace FlameHub.Generated.Testing.Tests;

/// <summary>
/// Each kind of injected fault (a status, a 429 with the Hub's rate-limit headers, a dropped
/// connection, a delay) through the library's real clients: what its retries, timeouts and
/// cancellation make of it, which is what a user's own retry handling sits on top of.
/// </summary>
public sealed class FaultKindTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    private static HubClientOptions Options(FakeHub hub, TimeProvider? clock = null) => new()
    {
        Credential = hub.Admin,
        Timeout = Limit,
        AttemptTimeout = Timeout.InfiniteTimeSpan,
        Retry = new HubRetryOptions { BaseDelay = TimeSpan.Zero, MaxDelay = TimeSpan.FromSeconds(30) },
        TimeProvider = clock ?? TimeProvider.System,
    };

    [Test, CancelAfter(20_000)]
    public async Task A_503_then_success_is_one_call_that_succeeds_after_two_requests()
    {
        using var hub = new FakeHub();
        using var counting = new CountingHandler(hub.Handler);
        using var core = new CoreClient(hub.CoreUrl, Options(hub), counting);
        var node = await core.CreateNodeAsync(new CreateNode { Name = "retried" });
        hub.Faults.FailNext(HttpMethod.Get, "/core/nodes", HttpStatusCode.ServiceUnavailable);

        var read = await core.GetNodeAsync(node.Id);

        Assert.That(read?.Name, Is.EqualTo("retried"));
        Assert.That(counting.Requests(HttpMethod.Get, "/core/nodes/"), Is.EqualTo(2), "the 503 and its retry");
        Assert.That(hub.Faults.Answered, Is.EqualTo(1));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_429_carries_the_Hubs_rate_limit_headers_and_its_body()
    {
        using var hub = new FakeHub();
        using var raw = new HubWire(hub);
        var token = await raw.AdminTokenAsync();
        hub.Faults.RateLimitNext(HttpMethod.Get, "/storage/buckets", reset: TimeSpan.FromSeconds(2.5));

        using var http = new HttpClient(hub.Handler, disposeHandler: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(hub.StorageUrl, "buckets"));
        request.Headers.Authorization = new("Bearer", token);
        using var limited = await http.SendAsync(request);

        // Exchanges 48 (0.8.13) and 89 (0.14.0): ratelimit-limit 6000 for a user on storage; the reset in whole seconds.
        Assert.That(limited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(limited.Headers.GetValues("RateLimit-Limit"), Is.EqualTo(new[] { "6000" }));
        Assert.That(limited.Headers.GetValues("RateLimit-Remaining"), Is.EqualTo(new[] { "0" }));
        Assert.That(limited.Headers.GetValues("RateLimit-Reset"), Is.EqualTo(new[] { "3" }));
        Assert.That(limited.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(3)));
        Assert.That(await limited.Content.ReadAsStringAsync(), Does.Contain("Too many requests"));
    }

    [Test, CancelAfter(20_000)]
    public async Task The_client_waits_out_a_429s_RateLimit_Reset_on_the_clock_and_then_succeeds()
    {
        var clock = new WatchedClock();
        using var hub = new FakeHub(clock);
        using var core = new CoreClient(hub.CoreUrl, Options(hub, clock), hub.Handler);
        var reset = TimeSpan.FromSeconds(4);
        hub.Faults.RateLimitNext(HttpMethod.Get, "/core/nodes", reset);

        var call = core.FindNodesAsync();
        await clock.WaitingAsync(reset).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(call.IsCompleted, Is.False, "the retry waits for the reset");
        Assert.That(hub.Faults.Answered, Is.EqualTo(1));
        clock.Advance(reset);
        var nodes = await call.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(nodes.Meta.Total, Is.Zero);
    }

    [Test, CancelAfter(20_000)]
    public async Task A_dropped_connection_on_a_GET_is_retried()
    {
        using var hub = new FakeHub();
        using var counting = new CountingHandler(hub.Handler);
        using var core = new CoreClient(hub.CoreUrl, Options(hub), counting);
        await core.CreateNodeAsync(new CreateNode { Name = "still-there" });
        hub.Faults.ResetNext(HttpMethod.Get, "/core/nodes");

        var nodes = await core.FindNodesAsync();

        Assert.That(nodes.Select(n => n.Name), Is.EqualTo(new[] { "still-there" }));
        Assert.That(counting.Requests(HttpMethod.Get, "/core/nodes"), Is.EqualTo(2));
    }

    [Test, CancelAfter(20_000)]
    public void A_dropped_connection_on_a_create_reaches_the_caller_as_HttpClient_reports_it()
    {
        using var hub = new FakeHub();
        using var core = new CoreClient(hub.CoreUrl, Options(hub), hub.Handler);
        hub.Faults.ResetNext(HttpMethod.Post, "/core/nodes");

        var failed = Assert.ThrowsAsync<HttpRequestException>(() => core.CreateNodeAsync(new CreateNode { Name = "lost" }));

        Assert.That(failed!.InnerException, Is.InstanceOf<IOException>());
        Assert.That(failed.InnerException!.InnerException, Is.InstanceOf<System.Net.Sockets.SocketException>()
            .With.Property(nameof(System.Net.Sockets.SocketException.SocketErrorCode)).EqualTo(System.Net.Sockets.SocketError.ConnectionReset));
        Assert.That(hub.Faults.Answered, Is.EqualTo(1), "a POST is not retried");
    }

    [Test, CancelAfter(20_000)]
    public async Task A_create_whose_answer_is_lost_fails_for_the_caller_though_the_Hub_stored_it()
    {
        using var hub = new FakeHub();
        using var core = new CoreClient(hub.CoreUrl, Options(hub), hub.Handler);
        hub.Faults.ResetNext(HttpMethod.Post, "/core/nodes", afterBytes: 0);

        Assert.ThrowsAsync<HttpRequestException>(() => core.CreateNodeAsync(new CreateNode { Name = "stored-anyway" }));

        // What a caller's own retry of a create has to reckon with: the first attempt went through.
        var nodes = await core.FindNodesAsync();
        Assert.That(nodes.Select(n => n.Name), Is.EqualTo(new[] { "stored-anyway" }));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_download_whose_connection_drops_part_way_fails_while_it_is_read_and_the_next_one_succeeds()
    {
        using var hub = new FakeHub();
        using var storage = new StorageClient(hub.StorageUrl, Options(hub), hub.Handler);
        var bucket = await storage.CreateBucketAsync(new CreateBucket { Name = "flaky" });
        var content = Enumerable.Range(0, 10_000).Select(i => (byte)(i * 7)).ToArray();
        var file = (await storage.UploadToBucketAsync(bucket.Id, new UploadFile("data.bin", new MemoryStream(content)))).Single();
        hub.Faults.ResetNext(HttpMethod.Get, "/storage/bucket-files/", afterBytes: 4096);

        var received = new MemoryStream();
        await using (var broken = await storage.StreamBucketFileAsync(file.Id))
        {
            var buffer = new byte[1000];
            Assert.ThrowsAsync(Is.InstanceOf<IOException>(), async () =>
            {
                for (int read; (read = await broken.ReadAsync(buffer)) > 0;) received.Write(buffer, 0, read);
            });
        }

        Assert.That(received.ToArray(), Is.EqualTo(content[..4096]), "the bytes before the drop arrived");
        await using var whole = await storage.StreamBucketFileAsync(file.Id);
        using var copy = new MemoryStream();
        await whole.CopyToAsync(copy);
        Assert.That(copy.ToArray(), Is.EqualTo(content));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_delay_is_answered_once_the_fakes_clock_has_moved_past_it()
    {
        var clock = new WatchedClock();
        using var hub = new FakeHub(clock);
        using var core = new CoreClient(hub.CoreUrl, Options(hub, clock), hub.Handler);
        var delay = TimeSpan.FromSeconds(3);
        hub.Faults.DelayNext(HttpMethod.Get, "/core/nodes", delay);

        var call = core.FindNodesAsync();
        await clock.WaitingAsync(delay).WaitAsync(TimeSpan.FromSeconds(10));
        clock.Advance(delay - TimeSpan.FromMilliseconds(1));

        Assert.That(call.IsCompleted, Is.False, "not before the delay is over");
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That((await call.WaitAsync(TimeSpan.FromSeconds(10))).Meta.Total, Is.Zero);
    }

    [Test, CancelAfter(20_000)]
    public async Task A_delay_past_the_clients_Timeout_ends_in_the_librarys_timeout()
    {
        var clock = new WatchedClock();
        using var hub = new FakeHub(clock);
        using var core = new CoreClient(hub.CoreUrl, Options(hub, clock), hub.Handler);
        var delay = TimeSpan.FromMinutes(5);
        hub.Faults.DelayNext(HttpMethod.Get, "/core/nodes", delay);

        var call = core.FindNodesAsync();
        await clock.WaitingAsync(delay).WaitAsync(TimeSpan.FromSeconds(10));
        clock.Advance(Limit);

        var failed = Assert.ThrowsAsync<HttpRequestException>(() => call.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.That(failed!.InnerException, Is.InstanceOf<TimeoutException>(), "the library's timeout, after its Timeout on the fake clock");
    }

    [Test, CancelAfter(20_000)]
    public async Task Cancelling_a_delayed_call_ends_its_wait()
    {
        var clock = new WatchedClock();
        using var hub = new FakeHub(clock);
        using var core = new CoreClient(hub.CoreUrl, Options(hub, clock), hub.Handler);
        var delay = TimeSpan.FromMinutes(5);
        hub.Faults.DelayNext(HttpMethod.Get, "/core/nodes", delay);
        using var cancel = new CancellationTokenSource();

        var call = core.FindNodesAsync(cancellationToken: cancel.Token);
        await clock.WaitingAsync(delay).WaitAsync(TimeSpan.FromSeconds(10));
        await cancel.CancelAsync();

        Assert.That(async () => await call.WaitAsync(TimeSpan.FromSeconds(10)), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(hub.Faults.Pending, Is.Zero);
    }

    [Test, CancelAfter(20_000)]
    public async Task A_synchronous_Send_waits_out_a_delay_on_the_fakes_clock_too()
    {
        var clock = new WatchedClock();
        using var hub = new FakeHub(clock);
        using var raw = new HubWire(hub);
        var token = await raw.AdminTokenAsync();
        var delay = TimeSpan.FromSeconds(30);
        hub.Faults.DelayNext(HttpMethod.Get, "/core/nodes", delay);
        using var http = new HttpClient(hub.Handler, disposeHandler: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(hub.CoreUrl, "nodes"));
        request.Headers.Authorization = new("Bearer", token);

        var call = Task.Run(() => http.Send(request));
        await clock.WaitingAsync(delay).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(call.IsCompleted, Is.False);
        clock.Advance(delay);
        using var response = await call.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    /// <summary>Counts the requests that reach the fake, by method and path start.</summary>
    private sealed class CountingHandler(HttpMessageHandler hub) : DelegatingHandler(hub)
    {
        private readonly List<(HttpMethod Method, string Path)> _requests = [];

        public int Requests(HttpMethod method, string pathPrefix)
        {
            lock (_requests) return _requests.Count(r => r.Method == method && r.Path.StartsWith(pathPrefix, StringComparison.Ordinal));
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (_requests) _requests.Add((request.Method, request.RequestUri!.AbsolutePath));
            return base.SendAsync(request, cancellationToken);
        }

        // The fake owns its handler.
        protected override void Dispose(bool disposing)
        {
        }
    }
}
