using System.Net;
using FlameHub.Core;
using FlameHub.Testing;

namespace FlameHub.Generated.Testing.Tests;

/// <summary>hub.Faults: the next matching calls fail as asked, then the fake serves again.</summary>
public sealed class FaultTests
{
    [Test, CancelAfter(20_000)]
    public async Task A_429_carries_Retry_After_and_only_the_matching_calls_fail()
    {
        using var hub = new FakeHub();
        using var raw = new HubWire(hub);
        var token = await raw.AdminTokenAsync();
        hub.Faults.FailNext(HttpMethod.Get, "/core/nodes", HttpStatusCode.TooManyRequests, count: 1, retryAfter: TimeSpan.FromSeconds(2));

        using var http = new HttpClient(hub.Handler, disposeHandler: false);
        using var projects = new HttpRequestMessage(HttpMethod.Get, new Uri(hub.CoreUrl, "projects"));
        projects.Headers.Authorization = new("Bearer", token);
        using (var other = await http.SendAsync(projects))
        {
            Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.OK), "another path is served");
        }
        using var nodes = new HttpRequestMessage(HttpMethod.Get, new Uri(hub.CoreUrl, "nodes"));
        nodes.Headers.Authorization = new("Bearer", token);
        using (var limited = await http.SendAsync(nodes))
        {
            Assert.That(limited.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(limited.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(2)));
        }
        Assert.That((await raw.SendAsync(HttpMethod.Get, new Uri(hub.CoreUrl, "nodes"), token)).Status, Is.EqualTo(200), "the fault was used up");
    }

    [Test, CancelAfter(20_000)]
    public async Task The_clients_retry_goes_through_an_injected_429()
    {
        using var hub = new FakeHub();
        using var core = new CoreClient(hub.CoreUrl, new HubClientOptions { Credential = hub.Admin, Retry = { BaseDelay = TimeSpan.Zero } }, hub.Handler);
        hub.Faults.FailNext(HttpMethod.Get, "/core/nodes", HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.Zero);

        var nodes = await core.FindNodesAsync();

        Assert.That(nodes.Meta.Total, Is.Zero);
        Assert.That(hub.Faults.Answered, Is.EqualTo(1));
    }

    [Test, CancelAfter(20_000)]
    public void More_failures_than_the_client_retries_reach_the_caller()
    {
        using var hub = new FakeHub();
        using var core = new CoreClient(hub.CoreUrl, new HubClientOptions { Credential = hub.Admin, Retry = { BaseDelay = TimeSpan.Zero, MaxRetries = 2 } }, hub.Handler);
        hub.Faults.FailNext(HttpMethod.Get, "/core/nodes", HttpStatusCode.ServiceUnavailable, count: 5);

        var failed = Assert.ThrowsAsync<HubApiException>(() => core.FindNodesAsync());

        Assert.That(failed!.StatusCode, Is.EqualTo(503));
        Assert.That(hub.Faults.Answered, Is.EqualTo(3), "the call and its two retries");
    }
}
