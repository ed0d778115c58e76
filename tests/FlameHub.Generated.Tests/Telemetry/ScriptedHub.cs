using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using FlameHub.Generated.Tests.Streaming;
using FlameHub.Generated.Tests.Transport;
using Microsoft.AspNetCore.Http;

namespace FlameHub.Generated.Tests.Telemetry;

/// <summary>
/// A loopback Hub whose <c>/core/</c> answers are scripted one per request (then 200 with the
/// recorded node), and whose <c>/auth/token</c> answers each grant type as told.
/// </summary>
internal sealed class ScriptedHub : IAsyncDisposable
{
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _core = new();
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _grants = new();
    private readonly ConcurrentQueue<string> _requestIds = new();
    private LoopbackServer _server = null!;
    private int _coreRequests;

    public static async Task<ScriptedHub> StartAsync()
    {
        var hub = new ScriptedHub();
        hub._server = await LoopbackServer.StartAsync(hub.AnswerAsync);
        return hub;
    }

    public Uri BaseAddress => _server.BaseAddress;
    public Uri CoreUrl => new(_server.BaseAddress, "core/");
    public Uri AuthUrl => new(_server.BaseAddress, "auth/");
    public int CoreRequests => Volatile.Read(ref _coreRequests);

    /// <summary>The <c>X-Request-Id</c> of each <c>/core/</c> request, in order.</summary>
    public IReadOnlyList<string> RequestIds => _requestIds.ToArray();

    /// <summary>The next <c>/core/</c> requests get these answers, one each.</summary>
    public ScriptedHub Then(params Func<HttpContext, Task>[] answers)
    {
        foreach (var answer in answers) _core.Enqueue(answer);
        return this;
    }

    /// <summary>Token requests with <paramref name="grantType"/> get <paramref name="answer"/>.</summary>
    public ScriptedHub Grant(string grantType, Func<HttpContext, Task> answer)
    {
        _grants[grantType] = answer;
        return this;
    }

    public static Func<HttpContext, Task> Status(int status, string body = """{"statusCode":500,"message":"scripted"}""", params (string Name, string Value)[] headers) =>
        context => WriteAsync(context, status, body, headers);

    public static Func<HttpContext, Task> Node => context => WriteAsync(context, 200, Hub.NodeJson);

    public static Func<HttpContext, Task> Token(string accessToken, string? refreshToken) =>
        context => WriteAsync(context, 200, Hub.TokenJson(accessToken, refreshToken));

    /// <summary>The node, its headers and first half at once and the rest after <paramref name="pause"/>.</summary>
    public static Func<HttpContext, Task> SlowNode(TimeSpan pause) => async context =>
    {
        var body = Encoding.UTF8.GetBytes(Hub.NodeJson);
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2));
        await context.Response.Body.FlushAsync();
        await Task.Delay(pause);
        await context.Response.Body.WriteAsync(body.AsMemory(body.Length / 2));
    };

    /// <summary>Answers only after <paramref name="delay"/> (or when the client gives up).</summary>
    public static Func<HttpContext, Task> Late(TimeSpan delay) => async context =>
    {
        try
        {
            await Task.Delay(delay, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        await WriteAsync(context, 200, Hub.NodeJson);
    };

    /// <summary>A loopback URL on which nothing listens.</summary>
    public static Uri Refusing()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/core/");
    }

    private async Task AnswerAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/auth/token"))
        {
            var form = await new StreamReader(context.Request.Body).ReadToEndAsync();
            var grant = System.Text.Json.JsonDocument.Parse(form).RootElement.GetProperty("grant_type").GetString()!;
            await (_grants.TryGetValue(grant, out var answer) ? answer(context) : WriteAsync(context, 400, Hub.InvalidCredentialsJson));
            return;
        }
        Interlocked.Increment(ref _coreRequests);
        _requestIds.Enqueue(context.Request.Headers["X-Request-Id"].ToString());
        await (_core.TryDequeue(out var next) ? next(context) : Node(context));
    }

    private static async Task WriteAsync(HttpContext context, int status, string body, params (string Name, string Value)[] headers)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        foreach (var (name, value) in headers) context.Response.Headers[name] = value;
        await context.Response.WriteAsync(body);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
