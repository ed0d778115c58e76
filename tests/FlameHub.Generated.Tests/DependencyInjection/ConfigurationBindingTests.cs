using FlameHub.Auth;
using FlameHub.Core;
using FlameHub.Generated.Tests.Transport;
using FlameHub.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FlameHub.Generated.Tests.DependencyInjection;

/// <summary>
/// <c>AddFlameHub(IConfiguration)</c>: each setting of a configuration section reaches the clients,
/// seen in what the loopback Hub receives and in how calls end.
/// </summary>
public sealed class ConfigurationBindingTests
{
    private ConfiguredHub _hub = null!;

    [SetUp]
    public async Task Start() => _hub = await ConfiguredHub.StartAsync();

    [TearDown]
    public async Task Stop() => await _hub.DisposeAsync();

    [Test, CancelAfter(20_000)]
    public async Task Gateway_puts_the_three_services_under_one_root()
    {
        using var provider = _hub.Provider(("Gateway", _hub.BaseAddress.ToString()));

        await Hub.Bounded(Task.WhenAll(
            provider.GetRequiredService<IAuthClient>().FindRealmsAsync(),
            provider.GetRequiredService<ICoreClient>().GetNodeAsync(Hub.Node),
            provider.GetRequiredService<IStorageClient>().FindBucketsAsync()));

        Assert.That(_hub.Received.Select(r => r.Path), Is.EquivalentTo(new[] { "/auth/realms", "/core/nodes/" + Hub.NodeId, "/storage/buckets" }));
    }

    [Test, CancelAfter(20_000)]
    public async Task AuthUrl_CoreUrl_and_StorageUrl_are_bound_one_by_one()
    {
        using var provider = _hub.Provider(
            ("AuthUrl", new Uri(_hub.BaseAddress, "authup").ToString()),
            ("CoreUrl", new Uri(_hub.BaseAddress, "hub/core-api/").ToString()),
            ("StorageUrl", new Uri(_hub.BaseAddress, "files").ToString()));

        await Hub.Bounded(Task.WhenAll(
            provider.GetRequiredService<AuthClient>().FindRealmsAsync(),
            provider.GetRequiredService<CoreClient>().GetNodeAsync(Hub.Node),
            provider.GetRequiredService<StorageClient>().FindBucketsAsync()));

        Assert.That(_hub.Received.Select(r => r.Path), Is.EquivalentTo(new[] { "/authup/realms", "/hub/core-api/nodes/" + Hub.NodeId, "/files/buckets" }));
    }

    [Test, CancelAfter(20_000)]
    public async Task Timeout_is_bound_from_a_time_span_string()
    {
        using var provider = _hub.Provider(("Timeout", "00:00:00.300"), ("Retry:MaxRetries", "0"));

        var error = await Hub.CatchBounded(() => provider.GetRequiredService<ICoreClient>().GetNodeAsync(ConfiguredHub.Slow), seconds: 10);

        Assert.That(error, Is.InstanceOf<HttpRequestException>(), error?.ToString());
        Assert.That(error!.Message, Does.Contain("did not complete within 0.3 s"));
    }

    [Test, CancelAfter(20_000)]
    public async Task AttemptTimeout_is_bound_and_each_attempt_is_cut_at_it()
    {
        using var provider = _hub.Provider(("AttemptTimeout", "00:00:00.200"), ("Retry:MaxRetries", "1"), ("Retry:BaseDelay", "00:00:00.010"));

        var error = await Hub.CatchBounded(() => provider.GetRequiredService<ICoreClient>().GetNodeAsync(ConfiguredHub.Slow), seconds: 10);

        Assert.That(error, Is.InstanceOf<HttpRequestException>(), error?.ToString());
        Assert.That(error!.Message, Does.Contain("did not complete within 200 ms"));
        Assert.That(_hub.Requests("/nodes/" + ConfiguredHub.Slow), Has.Count.EqualTo(2), "the first attempt timed out and was retried once");
    }

    [Test, CancelAfter(20_000)]
    public async Task MaxResponseBytes_is_bound()
    {
        using var provider = _hub.Provider(("MaxResponseBytes", "1024"));

        var error = await Hub.CatchBounded(() => provider.GetRequiredService<ICoreClient>().GetNodeAsync(ConfiguredHub.Large));

        Assert.That(error, Is.TypeOf<HubResponseTooLargeException>(), error?.ToString());
        Assert.That(((HubResponseTooLargeException)error!).Limit, Is.EqualTo(1024));
    }

    [Test, CancelAfter(20_000)]
    public async Task MaxRetries_and_MaxDelay_are_bound_so_a_long_Retry_After_is_cut_short()
    {
        // Retry-After: 60 is capped by MaxDelay: with the default (30 s) the call would outlast the bound.
        using var provider = _hub.Provider(("Retry:MaxRetries", "2"), ("Retry:BaseDelay", "00:00:00.010"), ("Retry:MaxDelay", "00:00:00.020"));

        var error = await Hub.CatchBounded(() => provider.GetRequiredService<ICoreClient>().GetNodeAsync(ConfiguredHub.Limited), seconds: 10);

        Assert.That(error, Is.TypeOf<HubApiException>(), error?.ToString());
        Assert.That(((HubApiException)error!).StatusCode, Is.EqualTo(429));
        Assert.That(_hub.Requests("/nodes/" + ConfiguredHub.Limited), Has.Count.EqualTo(3));
    }

    [TestCase(null, 1)]
    [TestCase("false", 1)]
    [TestCase("true", 3)]
    [CancelAfter(20_000)]
    public async Task RetryPost_is_bound(string? retryPost, int posts)
    {
        using var provider = _hub.Provider(("Retry:MaxRetries", "2"), ("Retry:BaseDelay", "00:00:00.010"), ("Retry:RetryPost", retryPost));

        var error = await Hub.CatchBounded(() => provider.GetRequiredService<ICoreClient>().CreateNodeAsync(new CreateNode { Name = "n", RealmId = Guid.NewGuid() }), seconds: 10);

        Assert.That(error, Is.TypeOf<HubApiException>(), error?.ToString());
        Assert.That(_hub.Received.Where(r => r.Method == "POST").ToList(), Has.Count.EqualTo(posts));
    }

    [Test, CancelAfter(20_000)]
    public async Task CorrelationId_is_bound_and_sent_by_every_client()
    {
        using var provider = _hub.Provider(("CorrelationId", "scheduler-7"));

        await Hub.Bounded(Task.WhenAll(
            provider.GetRequiredService<IAuthClient>().FindRealmsAsync(),
            provider.GetRequiredService<ICoreClient>().GetNodeAsync(Hub.Node)));

        Assert.That(_hub.Received.Select(r => r.RequestId), Is.EqualTo(new[] { "scheduler-7", "scheduler-7" }));
    }

    [Test]
    public void Every_bound_value_is_what_the_options_hold_and_unset_ones_keep_their_defaults()
    {
        using var provider = _hub.Provider(
            ("AuthUrl", "http://hub.example/auth"), ("CoreUrl", "http://hub.example/core/"),
            ("Timeout", "00:01:30"), ("AttemptTimeout", "-00:00:00.001"), ("MaxResponseBytes", "2048"),
            ("Retry:MaxRetries", "5"), ("Retry:BaseDelay", "00:00:00.250"), ("Retry:MaxDelay", "00:00:10"), ("Retry:RetryPost", "True"));

        var options = provider.GetRequiredService<IOptions<FlameHubOptions>>().Value;

        Assert.That(options.AuthUrl, Is.EqualTo(new Uri("http://hub.example/auth")));
        Assert.That(options.CoreUrl, Is.EqualTo(new Uri("http://hub.example/core/")));
        Assert.That(options.StorageUrl, Is.EqualTo(StorageClient.DefaultBaseUrl));
        Assert.That(options.Timeout, Is.EqualTo(TimeSpan.FromSeconds(90)));
        Assert.That(options.AttemptTimeout, Is.EqualTo(Timeout.InfiniteTimeSpan));
        Assert.That(options.MaxResponseBytes, Is.EqualTo(2048));
        Assert.That(options.Retry.MaxRetries, Is.EqualTo(5));
        Assert.That(options.Retry.BaseDelay, Is.EqualTo(TimeSpan.FromMilliseconds(250)));
        Assert.That(options.Retry.MaxDelay, Is.EqualTo(TimeSpan.FromSeconds(10)));
        Assert.That(options.Retry.RetryPost, Is.True);
        Assert.That(options.Credential, Is.Null, "no Credential section, no credential");
        Assert.That(provider.GetRequiredService<CoreClient>().Timeout, Is.EqualTo(TimeSpan.FromSeconds(90)));
    }

    [Test, CancelAfter(20_000)]
    public async Task Settings_made_in_code_after_the_configuration_apply_on_top_of_it_and_the_clients_are_registered_once()
    {
        var services = new ServiceCollection();
        services.AddFlameHub(ConfiguredHub.Section(("Gateway", _hub.BaseAddress.ToString()), ("Retry:MaxRetries", "3"), ("Retry:BaseDelay", "00:00:00.010")));
        services.AddFlameHub(o => o.Retry.MaxRetries = 1);
        using var provider = services.BuildServiceProvider();

        var error = await Hub.CatchBounded(() => provider.GetRequiredService<ICoreClient>().GetNodeAsync(ConfiguredHub.Unavailable), seconds: 10);

        Assert.That(error, Is.TypeOf<HubApiException>(), error?.ToString());
        Assert.That(_hub.Requests("/nodes/" + ConfiguredHub.Unavailable), Has.Count.EqualTo(2), "the code's one retry, not the configuration's three, and not retried twice over by a doubled chain");
        Assert.That(provider.GetServices<ICoreClient>().Count(), Is.EqualTo(1));
    }
}
