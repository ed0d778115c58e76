using Microsoft.AspNetCore.Http;
using FlameHub.Generated.Tests.Streaming;

namespace FlameHub.Generated.Tests.Live;

/// <summary>
/// A <see cref="FakeHub"/> behind a loopback gateway: an in-process Kestrel server that hands every
/// request to the fake's handler, so that the Live suite reaches it exactly as it reaches a real Hub,
/// by a gateway URL serving <c>auth/</c>, <c>core/</c> and <c>storage/</c> (no handler in the code under test).
/// </summary>
internal sealed class FakeGateway : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly HttpMessageInvoker _fake;

    private FakeGateway(FakeHub hub, LoopbackServer server, HttpMessageInvoker fake)
    {
        Hub = hub;
        _server = server;
        _fake = fake;
    }

    public FakeHub Hub { get; }

    /// <summary>The gateway root, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri Url => _server.BaseAddress;

    public static async Task<FakeGateway> StartAsync()
    {
        var hub = new FakeHub();
        var fake = new HttpMessageInvoker(hub.Handler, disposeHandler: false);
        // The fake's own root: its services' URLs are auth/, core/ and storage/ under it, as behind a gateway.
        var root = new Uri(hub.AuthUrl, "../");
        var server = await LoopbackServer.StartAsync(context => ForwardAsync(context, fake, root), serveStatus: false);
        return new FakeGateway(hub, server, fake);
    }

    private static async Task ForwardAsync(HttpContext context, HttpMessageInvoker fake, Uri root)
    {
        var incoming = context.Request;
        using var request = new HttpRequestMessage(new HttpMethod(incoming.Method), new Uri(root, incoming.Path.Value!.TrimStart('/') + incoming.QueryString.Value));
        using var body = new MemoryStream();
        await incoming.Body.CopyToAsync(body, context.RequestAborted);
        if (body.Length > 0 || incoming.ContentType is not null) request.Content = new ByteArrayContent(body.ToArray());
        foreach (var (name, values) in incoming.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values)) request.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
        }
        request.Headers.Host = null;
        using var response = await fake.SendAsync(request, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase)) continue;
            context.Response.Headers[name] = values.ToArray();
        }
        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _fake.Dispose();
        Hub.Dispose();
    }
}
