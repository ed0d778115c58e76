using System.Reflection;
using FlameHub.Auth;
using FlameHub.Core;
using FlameHub.Generated.Tests.Streaming;
using FlameHub.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FlameHub.Generated.Tests.Transport;

/// <summary>
/// A client's settings come from options when it is made and never change afterwards: whether
/// built directly, by DI, or over a caller's own HttpClient.
/// </summary>
public sealed class ClientSettingsTests
{
    private static readonly Guid Slow = Guid.Parse("00000000-0000-0000-0000-000000000001");
    private static readonly Guid Large = Guid.Parse("00000000-0000-0000-0000-000000000002");
    private static readonly TimeSpan CallLimit = TimeSpan.FromMilliseconds(300);
    private const long ResponseCap = 1024;

    /// <summary>The slow node never answers; the large one is four times the cap.</summary>
    private static async Task Serve(HttpContext context)
    {
        if (context.Request.Path.Value!.EndsWith(Slow.ToString("D"), StringComparison.Ordinal))
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up: what the test waits for.
            }
            return;
        }
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($$"""{"id":"{{Large}}","name":"n","pad":"{{new string('x', (int)ResponseCap * 4)}}"}""");
    }

    private static HubClientOptions Configured(HubClientOptions options, TimeProvider? clock = null)
    {
        options.TimeProvider = clock ?? TimeProvider.System;
        options.Timeout = CallLimit;
        options.AttemptTimeout = TimeSpan.FromSeconds(10);
        options.MaxResponseBytes = ResponseCap;
        options.Retry.MaxRetries = 0;
        return options;
    }

    [Test]
    public void No_client_has_a_public_setter_or_writable_field()
    {
        var types = new[] { typeof(HubClientBase), typeof(AuthClient), typeof(CoreClient), typeof(StorageClient) };

        var writable = types.SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
                .Where(p => p.SetMethod is { } set && (set.IsPublic || set.IsFamily || set.IsFamilyOrAssembly))
                .Select(p => $"{t.Name}.{p.Name}")
            .Concat(t.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
                .Where(f => !f.IsInitOnly && !f.IsLiteral)
                .Select(f => $"{t.Name}.{f.Name}")))
            .ToList();

        Assert.That(writable, Is.Empty);
        Assert.That(typeof(HubClientBase).GetProperty("Timeout", BindingFlags.Public | BindingFlags.Instance), Is.Null, "the call limit is read from the options, not set on the client");
    }

    [Test, CancelAfter(20_000)]
    public async Task A_DI_built_client_times_out_after_the_configured_Timeout()
    {
        await using var server = await LoopbackServer.StartAsync(Serve);
        var clock = new TestClock();
        using var provider = Provider(server, clock);
        var core = provider.GetRequiredService<ICoreClient>();

        var error = await TimedOutAsync(clock, core, () => core.GetNodeAsync(Slow));

        Assert.That(error, Is.InstanceOf<HttpRequestException>(), error?.ToString());
        Assert.That(error!.Message, Does.Contain("did not complete within 0.3 s"));
        Assert.That(clock.Moved, Is.EqualTo(CallLimit), "the configured 0.3 s, not the 100 s default nor the 10 s attempt limit");
    }

    /// <summary>Starts <paramref name="call"/>, waits until its limit of <see cref="CallLimit"/> is set on <paramref name="clock"/>, moves the clock by it and returns what the call threw.</summary>
    private static async Task<Exception?> TimedOutAsync(TestClock clock, object client, Func<Task> call)
    {
        // The release check's GET / runs under the same call limit: it is done first, so the limit
        // the clock is moved past is the call's own.
        await ((HubClientBase)client).CheckReleaseAsync();
        var mark = clock.Count;
        var running = Task.Run(call);
        await clock.WaitForAsync(CallLimit, mark);
        clock.Advance(CallLimit);
        return await Hub.CatchBounded(() => running);
    }

    [Test, CancelAfter(20_000)]
    public async Task A_DI_built_client_caps_answers_at_the_configured_MaxResponseBytes()
    {
        await using var server = await LoopbackServer.StartAsync(Serve);
        using var provider = Provider(server);

        var error = await Hub.CatchBounded(() => provider.GetRequiredService<CoreClient>().GetNodeAsync(Large));

        Assert.That(error, Is.TypeOf<HubResponseTooLargeException>(), error?.ToString());
        Assert.That(((HubResponseTooLargeException)error!).Limit, Is.EqualTo(ResponseCap));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_client_over_a_callers_HttpClient_takes_Timeout_and_MaxResponseBytes_from_options()
    {
        await using var server = await LoopbackServer.StartAsync(Serve);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseAddress, "core/") };
        var clock = new TestClock();
        using var core = new CoreClient(http, Configured(new HubClientOptions(), clock));

        var slow = await TimedOutAsync(clock, core, () => core.GetNodeAsync(Slow));
        var large = await Hub.CatchBounded(() => core.GetNodeAsync(Large));

        Assert.That(slow, Is.InstanceOf<HttpRequestException>(), slow?.ToString());
        Assert.That(slow!.Message, Does.Contain("did not complete within 0.3 s"));
        Assert.That(clock.Moved, Is.EqualTo(CallLimit), "the HttpClient's own 100 s did not decide");
        Assert.That(large, Is.TypeOf<HubResponseTooLargeException>(), large?.ToString());
        Assert.That(((HubResponseTooLargeException)large!).Limit, Is.EqualTo(ResponseCap));
    }

    [Test, CancelAfter(20_000)]
    public async Task Changing_the_options_after_construction_does_not_change_the_client()
    {
        await using var server = await LoopbackServer.StartAsync(Serve);
        var clock = new TestClock();
        var options = Configured(new HubClientOptions(), clock);
        using var core = new CoreClient(new Uri(server.BaseAddress, "core/"), options);
        options.Timeout = Timeout.InfiniteTimeSpan;
        options.MaxResponseBytes = long.MaxValue;
        options.TimeProvider = TimeProvider.System;

        var slow = await TimedOutAsync(clock, core, () => core.GetNodeAsync(Slow));
        var large = await Hub.CatchBounded(() => core.GetNodeAsync(Large));

        Assert.That(slow, Is.InstanceOf<HttpRequestException>(), slow?.ToString());
        Assert.That(slow!.Message, Does.Contain("did not complete within 0.3 s"));
        Assert.That(large, Is.TypeOf<HubResponseTooLargeException>(), large?.ToString());
    }

    [Test]
    public void TimeProvider_defaults_to_the_system_clock_and_null_is_refused_at_construction()
    {
        Assert.That(new HubClientOptions().TimeProvider, Is.SameAs(TimeProvider.System));
        Assert.That(new HubCredentialOptions().TimeProvider, Is.SameAs(TimeProvider.System));

        Assert.That(() => new CoreClient(new Uri("http://127.0.0.1:9/core/"), new HubClientOptions { TimeProvider = null! }),
            Throws.InstanceOf<ArgumentNullException>().With.Property("ParamName").EqualTo("TimeProvider"));
        Assert.That(() => new PasswordAuth("admin", "start123", new Uri("http://127.0.0.1:9/auth/"), new HubCredentialOptions { TimeProvider = null! }),
            Throws.InstanceOf<ArgumentException>().With.Message.Contains("TimeProvider"));
    }

    [Test]
    public void A_callers_HttpClient_with_invalid_options_is_refused_at_construction()
    {
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:9/core/") };

        Assert.That(() => new CoreClient(http, new HubClientOptions { Timeout = TimeSpan.Zero }),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("Timeout"));
    }

    private static ServiceProvider Provider(LoopbackServer server, TimeProvider? clock = null)
    {
        var services = new ServiceCollection();
        services.AddFlameHub(o =>
        {
            o.UseGateway(server.BaseAddress);
            Configured(o, clock);
        });
        return services.BuildServiceProvider();
    }
}
