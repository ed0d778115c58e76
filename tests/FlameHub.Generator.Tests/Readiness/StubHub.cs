using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace FlameHub.Generator.Tests.Readiness;

/// <summary>
/// A core service that knows one node, answering in a given wire style: field names passed
/// through <paramref name="wire"/>, single records bare or in <c>{"data", "meta"}</c>. It keeps
/// every request as <c>METHOD /path?query</c> and its body.
/// </summary>
internal sealed class StubHub : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<string, string> _wire;
    private readonly bool _envelope;
    private readonly string _hubRelease;
    private readonly Task _loop;

    /// <param name="hubRelease">The release its <c>GET /</c> reports, as a Hub's core does: the release the program under test was built for.</param>
    public StubHub(Func<string, string> wire, bool envelope, Guid nodeId, Guid realmId, string hubRelease)
    {
        _wire = wire;
        _envelope = envelope;
        _hubRelease = hubRelease;
        NodeId = nodeId;
        RealmId = realmId;
        var port = FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/core/");
        _listener.Prefixes.Add(BaseUrl.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseUrl { get; }

    public Guid NodeId { get; }

    public Guid RealmId { get; }

    public List<(string Request, string Body)> Requests { get; } = [];

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var request = $"{context.Request.HttpMethod} {Uri.UnescapeDataString(context.Request.RawUrl!)}";
            lock (Requests) Requests.Add((request, body));
            var (status, answer) = Answer(context.Request.HttpMethod, context.Request.Url!.AbsolutePath);
            var bytes = Encoding.UTF8.GetBytes(answer.ToJsonString());
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private (int Status, JsonNode Body) Answer(string method, string path) => (method, path) switch
    {
        ("GET", "/core/") => (200, new JsonObject { ["version"] = _hubRelease, ["timestamp"] = 1795314817036 }),
        ("POST", "/core/nodes") => (201, Record()),
        ("GET", "/core/nodes") => (200, new JsonObject { ["data"] = new JsonArray(Node()), ["meta"] = new JsonObject { ["total"] = 1, ["limit"] = 50, ["offset"] = 0 } }),
        ("GET", _) when path == $"/core/nodes/{NodeId}" => (200, Record()),
        ("POST" or "DELETE", _) when path == $"/core/nodes/{NodeId}" => (202, Record()),
        _ => (404, new JsonObject { ["message"] = "not found" }),
    };

    private JsonNode Record() => _envelope ? new JsonObject { ["data"] = Node(), ["meta"] = new JsonObject() } : Node();

    private JsonObject Node() => Wire(new JsonObject
    {
        ["id"] = NodeId.ToString(),
        ["name"] = "n",
        ["external_name"] = null,
        ["hidden"] = false,
        ["type"] = "default",
        ["realm_id"] = RealmId.ToString(),
        ["registry_id"] = null,
        ["registry"] = new JsonObject { ["id"] = Guid.Empty.ToString(), ["name"] = "reg", ["account_name"] = "hub" },
        ["created_at"] = "2025-01-02T03:04:05.000Z",
    });

    private JsonObject Wire(JsonObject snake) =>
        new(snake.Select(p => KeyValuePair.Create(_wire(p.Key), p.Value is JsonObject o ? Wire(o) : p.Value?.DeepClone())));

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
