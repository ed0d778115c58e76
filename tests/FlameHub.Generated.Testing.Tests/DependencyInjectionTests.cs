using FlameHub.Core;
using FlameHub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FlameHub.Generated.Testing.Tests;

/// <summary>A user's <c>AddFlameHub</c> setup pointed at a FakeHub.</summary>
public sealed class DependencyInjectionTests
{
    [Test, CancelAfter(20_000)]
    public async Task Clients_resolved_from_AddFlameHub_with_the_fake_create_and_read_a_node()
    {
        using var hub = new FakeHub();
        var services = new ServiceCollection();
        services.AddFlameHub(hub);
        await using var provider = services.BuildServiceProvider();

        var core = provider.GetRequiredService<ICoreClient>();
        var node = await core.CreateNodeAsync(new CreateNode { Name = "from-di" });

        Assert.That((await provider.GetRequiredService<ICoreClient>().GetNodeAsync(node.Id))?.Name, Is.EqualTo("from-di"));
    }

    [Test, CancelAfter(20_000)]
    public async Task The_callers_settings_and_handlers_apply_on_top_of_the_fakes()
    {
        using var hub = new FakeHub();
        var seen = new List<string>();
        var services = new ServiceCollection();
        services.AddFlameHub(hub, options =>
            {
                options.Credential = hub.System;
                options.Retry.BaseDelay = TimeSpan.Zero;
                options.Retry.MaxDelay = TimeSpan.Zero;
            })
            .Core.AddHttpMessageHandler(() => new Recorder(seen));
        await using var provider = services.BuildServiceProvider();

        var core = provider.GetRequiredService<ICoreClient>();
        await core.FindNodesAsync();
        hub.Faults.FailNext(HttpMethod.Get, "/core/nodes", System.Net.HttpStatusCode.ServiceUnavailable);
        await core.FindNodesAsync(); // the library's retry runs over the fake's 503

        Assert.That(seen.Count(s => s.Contains("/core/nodes", StringComparison.Ordinal)), Is.EqualTo(3));
        Assert.That(seen, Has.All.StartWith(hub.CoreUrl.GetLeftPart(UriPartial.Authority)));
    }

    private sealed class Recorder(List<string> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (seen) seen.Add(request.RequestUri!.ToString());
            return base.SendAsync(request, cancellationToken);
        }
    }
}
