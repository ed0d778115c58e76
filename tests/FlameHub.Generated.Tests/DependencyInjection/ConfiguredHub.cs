using System.Collections.Concurrent;
using FlameHub.Generated.Tests.Streaming;
using FlameHub.Generated.Tests.Transport;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FlameHub.Generated.Tests.DependencyInjection;

/// <summary>One request as the loopback Hub received it.</summary>
internal sealed record ReceivedRequest(string Method, string Path, string? Authorization, string? RequestId, string Body);

/// <summary>
/// A loopback Hub for the configuration tests, on any base path: it answers by the path's end.
/// <c>…/token</c> grants <see cref="Token"/>; <c>…/nodes/{id}</c> answers the node, or for the
/// ids below never answers, answers past the cap, 503 or 429; <c>POST …/nodes</c> is 503;
/// <c>…/realms</c> and <c>…/buckets</c> are empty lists. It records every request.
/// </summary>
internal sealed class ConfiguredHub : IAsyncDisposable
{
    public const string Token = "eyJhbGciOiJSUzI1NiJ9.configured.token";
    public static readonly Guid Slow = Guid.Parse("00000000-0000-0000-0000-000000000001");
    public static readonly Guid Large = Guid.Parse("00000000-0000-0000-0000-000000000002");
    public static readonly Guid Unavailable = Guid.Parse("00000000-0000-0000-0000-000000000003");
    public static readonly Guid Limited = Guid.Parse("00000000-0000-0000-0000-000000000004");

    private readonly ConcurrentQueue<ReceivedRequest> _received = new();
    private LoopbackServer _server = null!;

    public Uri BaseAddress => _server.BaseAddress;

    public IReadOnlyList<ReceivedRequest> Received => _received.ToList();

    public IReadOnlyList<ReceivedRequest> Requests(string pathEnd) => Received.Where(r => r.Path.EndsWith(pathEnd, StringComparison.Ordinal)).ToList();

    public static async Task<ConfiguredHub> StartAsync()
    {
        var hub = new ConfiguredHub();
        hub._server = await LoopbackServer.StartAsync(hub.ServeAsync);
        return hub;
    }

    /// <summary>A configuration section <c>FlameHub</c> holding <paramref name="settings"/> (keys below the section).</summary>
    public static IConfigurationSection Section(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>("FlameHub:" + s.Key, s.Value)))
            .Build()
            .GetSection("FlameHub");

    /// <summary>A provider with the clients bound from <paramref name="settings"/>, under a gateway at this server unless they name URLs.</summary>
    public ServiceProvider Provider(params (string Key, string? Value)[] settings)
    {
        var all = settings.Any(s => s.Key.EndsWith("Url", StringComparison.Ordinal) || s.Key == "Gateway")
            ? settings
            : [("Gateway", BaseAddress.ToString()), .. settings];
        var services = new ServiceCollection();
        services.AddFlameHub(Section(all));
        return services.BuildServiceProvider();
    }

    private async Task ServeAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "";
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        _received.Enqueue(new ReceivedRequest(request.Method, path, request.Headers.Authorization.FirstOrDefault(), request.Headers["X-Request-Id"].FirstOrDefault(), body));

        var response = context.Response;
        response.ContentType = "application/json";
        if (path.EndsWith("/token", StringComparison.Ordinal))
        {
            await response.WriteAsync(Hub.TokenJson(Token, refreshToken: null));
        }
        else if (path.EndsWith("/nodes/" + Slow, StringComparison.Ordinal))
        {
            await WaitForTheClientToGiveUp(context);
        }
        else if (path.EndsWith("/nodes/" + Large, StringComparison.Ordinal))
        {
            await response.WriteAsync($$"""{"id":"{{Large}}","name":"n","pad":"{{new string('x', 4096)}}"}""");
        }
        else if (path.EndsWith("/nodes/" + Unavailable, StringComparison.Ordinal) || (request.Method == "POST" && path.EndsWith("/nodes", StringComparison.Ordinal)))
        {
            response.StatusCode = 503;
        }
        else if (path.EndsWith("/nodes/" + Limited, StringComparison.Ordinal))
        {
            response.StatusCode = 429;
            response.Headers.RetryAfter = "60";
        }
        else if (path.EndsWith("/nodes/" + Hub.NodeId, StringComparison.Ordinal))
        {
            await response.WriteAsync(Hub.NodeJson);
        }
        else if (path.EndsWith("/realms", StringComparison.Ordinal) || path.EndsWith("/buckets", StringComparison.Ordinal))
        {
            await response.WriteAsync(Hub.EmptyListJson);
        }
        else
        {
            response.StatusCode = 418;
        }
    }

    private static async Task WaitForTheClientToGiveUp(HttpContext context)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up: what the test waits for.
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
