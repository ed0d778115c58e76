using FlameHub.Auth;
using FlameHub.Core;
using FlameHub.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FlameHub.Generated.Tests.Transport;

/// <summary><c>AddFlameHub</c>: three typed clients behind one gateway, one credential, the caller's own handlers.</summary>
public class DependencyInjectionTests
{
    [SetUp]
    public Task Reset() => Hub.Server.ResetAsync();

    private sealed class MarkingHandler : DelegatingHandler
    {
        public int Calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            request.Headers.TryAddWithoutValidation("X-Test-Handler", "core");
            return base.SendAsync(request, cancellationToken);
        }
    }

    [Test]
    public async Task Clients_resolve_share_one_token_and_run_the_callers_handler()
    {
        var token = Hub.Jwt("di");
        await Hub.StubTokenAsync(token, Hub.Jwt("r"), grantType: "password", delayMilliseconds: 100);
        await Hub.StubAsync(Hub.Request("GET", "/auth/realms", bearer: token), Hub.Respond(200, Hub.EmptyListJson));
        await Hub.StubNodeAsync(bearer: token);
        await Hub.StubAsync(Hub.Request("GET", "/storage/buckets", bearer: token), Hub.Respond(200, Hub.EmptyListJson));
        var marker = new MarkingHandler();
        var services = new ServiceCollection();
        var builder = services.AddFlameHub(o =>
        {
            o.UseGateway(Hub.Server.BaseUrl);
            o.Credential = new PasswordAuth("admin", "start123", Hub.AuthUrl);
            o.Retry.MaxRetries = 1;
        });
        builder.Core.AddHttpMessageHandler(() => marker);
        using var provider = services.BuildServiceProvider();

        var auth = provider.GetRequiredService<AuthClient>();
        var core = provider.GetRequiredService<ICoreClient>();
        var storage = provider.GetRequiredService<IStorageClient>();
        await Hub.Bounded(Task.WhenAll(auth.FindRealmsAsync(), core.GetNodeAsync(Hub.Node), storage.FindBucketsAsync()));

        Assert.That(core, Is.InstanceOf<CoreClient>());
        Assert.That(await Hub.TokenRequestsAsync(), Has.Count.EqualTo(1));
        var journal = await Hub.RequestsAsync();
        Assert.That(journal.Select(Hub.PathOf), Is.SupersetOf(new[] { "/auth/realms", "/core/nodes/" + Hub.NodeId, "/storage/buckets" }));
        Assert.That(marker.Calls, Is.EqualTo(2), "the core client's release check (GET /core/) and its call");
        Assert.That((await Hub.Server.RequestsAsync(withReleaseChecks: true)).Where(r => Hub.Header(r, "X-Test-Handler") == "core").Select(Hub.PathOf),
            Is.EquivalentTo(new[] { "/core/", "/core/nodes/" + Hub.NodeId }));
        Assert.That(journal.Where(r => Hub.PathOf(r) != "/auth/token").Select(r => Hub.Header(r, "X-Request-Id")), Has.All.Not.Null);
    }

    [Test]
    public async Task Retry_settings_apply_to_the_registered_clients()
    {
        await Hub.StubNodeAsync(status: 503, body: "");
        var services = new ServiceCollection();
        services.AddFlameHub(o =>
        {
            o.UseGateway(Hub.Server.BaseUrl);
            o.Retry.MaxRetries = 2;
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.ThrowsAsync<HubApiException>(() => provider.GetRequiredService<ICoreClient>().GetNodeAsync(Hub.Node))!;

        Assert.That(error.StatusCode, Is.EqualTo(503));
        Assert.That(await Hub.CoreRequestsAsync(), Has.Count.EqualTo(3));
    }

    [Test]
    public void Separate_urls_are_used_and_invalid_options_are_refused()
    {
        var services = new ServiceCollection();
        services.AddFlameHub(o =>
        {
            o.CoreUrl = new Uri(Hub.Server.BaseUrl, "core");
            o.Timeout = TimeSpan.FromSeconds(-5);
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<CoreClient>())!;
        Assert.That(error.Message, Is.EqualTo("FlameHubOptions.Timeout must be positive or infinite (was -00:00:05)"));
    }

    [Test]
    public void UseGateway_points_the_three_urls_under_one_root()
    {
        var options = new FlameHubOptions().UseGateway(new Uri("http://localhost:3000"));

        Assert.That(options.AuthUrl, Is.EqualTo(new Uri("http://localhost:3000/auth/")));
        Assert.That(options.CoreUrl, Is.EqualTo(new Uri("http://localhost:3000/core/")));
        Assert.That(options.StorageUrl, Is.EqualTo(new Uri("http://localhost:3000/storage/")));
    }
}
