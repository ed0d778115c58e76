using FlameHub.Auth;
using FlameHub.Core;
using FlameHub.Storage;

namespace FlameHub.Generated.Tests.Transport;

/// <summary>Base URLs, caller-owned HttpClients and the public defaults.</summary>
public class ConstructionTests
{
    [SetUp]
    public Task Reset() => Hub.Server.ResetAsync();

    [TestCase("core/")]
    [TestCase("core")]
    public async Task The_base_url_works_with_and_without_a_trailing_slash(string relative)
    {
        await Hub.StubNodeAsync();
        using var core = new CoreClient(new Uri(Hub.Server.BaseUrl, relative));

        Assert.That(await core.GetNodeAsync(Hub.Node), Is.Not.Null);
        Assert.That(core.BaseUrl.AbsolutePath, Is.EqualTo("/core/"));
        Assert.That((await Hub.CoreRequestsAsync()).Select(Hub.PathOf), Is.EqualTo(new[] { "/core/nodes/" + Hub.NodeId }));
    }

    [Test]
    public async Task A_callers_HttpClient_is_used_and_survives_Dispose()
    {
        await Hub.StubNodeAsync();
        using var http = new HttpClient { BaseAddress = new Uri(Hub.Server.BaseUrl, "core/") };
        http.DefaultRequestHeaders.Add("X-Caller", "mine");

        var core = new CoreClient(http);
        Assert.That(await core.GetNodeAsync(Hub.Node), Is.Not.Null);
        core.Dispose();

        using var after = await http.GetAsync("nodes/" + Hub.NodeId);
        Assert.That((int)after.StatusCode, Is.EqualTo(200), "the HttpClient still works after the CoreClient is disposed");
        var journal = await Hub.CoreRequestsAsync();
        Assert.That(journal.Select(Hub.PathOf), Is.EqualTo(new[] { "/core/nodes/" + Hub.NodeId, "/core/nodes/" + Hub.NodeId }));
        Assert.That(Hub.Header(journal[0], "X-Caller"), Is.EqualTo("mine"));
    }

    [Test]
    public async Task A_callers_HttpClient_that_already_sent_requests_works_without_a_trailing_slash()
    {
        await Hub.StubNodeAsync();
        using var http = new HttpClient { BaseAddress = new Uri(Hub.Server.BaseUrl, "core") };
        using (await http.GetAsync(new Uri(Hub.Server.BaseUrl, "core/nodes/" + Hub.NodeId)))
        {
        }

        using var core = new CoreClient(http);

        Assert.That(await core.GetNodeAsync(Hub.Node), Is.Not.Null);
        Assert.That(core.BaseUrl, Is.EqualTo(new Uri(Hub.Server.BaseUrl, "core/")));
        Assert.That(http.BaseAddress, Is.EqualTo(new Uri(Hub.Server.BaseUrl, "core")), "the caller's HttpClient is not changed");
        Assert.That((await Hub.CoreRequestsAsync()).Select(Hub.PathOf), Has.All.EqualTo("/core/nodes/" + Hub.NodeId));
    }

    [Test]
    public void An_HttpClient_without_BaseAddress_is_refused()
    {
        using var http = new HttpClient();
        Assert.Throws<ArgumentException>(() => new CoreClient(http));
    }

    [Test]
    public async Task A_transport_handler_given_to_the_client_is_used_and_not_disposed()
    {
        await Hub.StubNodeAsync();
        using var transport = new CountingHandler(new SocketsHttpHandler());

        using (var core = new CoreClient(Hub.CoreUrl, credential: null, handler: transport))
        {
            await core.GetNodeAsync(Hub.Node);
        }
        using (var again = new CoreClient(Hub.CoreUrl, credential: null, handler: transport))
        {
            await again.GetNodeAsync(Hub.Node);
        }

        // Each client's release check reads GET / once through the same transport.
        Assert.That(transport.Calls, Is.EqualTo(4));
    }

    [Test]
    public void The_defaults_point_at_the_public_Hub()
    {
        Assert.That(CoreClient.DefaultBaseUrl, Is.EqualTo(new Uri("https://core.privateaim.dev/")));
        Assert.That(AuthClient.DefaultBaseUrl.Host, Is.EqualTo("auth.privateaim.dev"));
        Assert.That(StorageClient.DefaultBaseUrl, Is.EqualTo(new Uri("https://storage.privateaim.dev/")));
        using var core = new CoreClient();
        Assert.That(core.BaseUrl, Is.EqualTo(CoreClient.DefaultBaseUrl));
    }

    [Test]
    public void Invalid_options_are_refused_at_construction()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CoreClient(Hub.CoreUrl, new HubClientOptions { AttemptTimeout = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CoreClient(Hub.CoreUrl, new HubClientOptions { Retry = new HubRetryOptions { MaxRetries = -1 } }));
        Assert.Throws<ArgumentException>(() => new CoreClient(new Uri("http://localhost/core/?x=1")));
    }

    private sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public int Calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
