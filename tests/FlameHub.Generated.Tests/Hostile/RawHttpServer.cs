using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FlameHub.Generated.Tests.Hostile;

/// <summary>
/// A deliberately misbehaving HTTP/1.1 server on 127.0.0.1 and a free port, for what Kestrel will
/// not do: endless or lying bodies, stalls after the headers, redirects to anywhere. Each
/// connection's requests are read (head, and a body by <c>Content-Length</c>), recorded, and handed
/// to the script, which writes whatever bytes it likes to the socket. Disposing it stops the
/// listener and closes every connection, so a script that never ends ends then.
/// </summary>
public sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<RawRequest, Stream, CancellationToken, Task> _script;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<RawRequest> _received = new();
    private readonly ConcurrentBag<TcpClient> _connections = [];
    private readonly Task _accepting;

    private readonly bool _serveStatus;

    private RawHttpServer(Func<RawRequest, Stream, CancellationToken, Task> script, bool serveStatus)
    {
        _script = script;
        _serveStatus = serveStatus;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    /// <summary>The server's root, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Every request received so far, oldest first; the release checks' <c>GET /</c> the server answered itself left out.</summary>
    public IReadOnlyList<RawRequest> Received => _received.ToArray();

    /// <summary>
    /// Starts a server whose <paramref name="script"/> answers each request by writing raw bytes to
    /// the connection's stream; the connection is closed when the script returns. A service's
    /// <c>GET /</c> (the release check's) is answered as a Hub of the package's release would,
    /// unless <paramref name="serveStatus"/> is false and the script answers it too.
    /// </summary>
    public static RawHttpServer Start(Func<RawRequest, Stream, CancellationToken, Task> script, bool serveStatus = true) => new(script, serveStatus);

    /// <summary>A server that answers every request with the same complete response.</summary>
    public static RawHttpServer Answering(int status, string body, params (string Name, string Value)[] headers) =>
        Start((_, stream, token) => WriteAsync(stream, status, Encoding.UTF8.GetBytes(body), token, headers));

    /// <summary>Writes a complete response with a <c>Content-Length</c> and <c>Connection: close</c>.</summary>
    public static async Task WriteAsync(Stream stream, int status, byte[] body, CancellationToken token, params (string Name, string Value)[] headers)
    {
        await WriteHeadAsync(stream, status, token, [.. headers, ("Content-Length", body.Length.ToString()), ("Connection", "close")]);
        await stream.WriteAsync(body, token);
        await stream.FlushAsync(token);
    }

    /// <summary>Writes a status line and headers (no <c>Content-Length</c> unless given) and the blank line.</summary>
    public static async Task WriteHeadAsync(Stream stream, int status, CancellationToken token, params (string Name, string Value)[] headers)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} {Reason(status)}\r\n");
        if (!headers.Any(h => h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))) head.Append("Content-Type: application/json; charset=utf-8\r\n");
        foreach (var (name, value) in headers) head.Append(name).Append(": ").Append(value).Append("\r\n");
        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), token);
        await stream.FlushAsync(token);
    }

    /// <summary>Writes one chunk of a <c>Transfer-Encoding: chunked</c> body.</summary>
    public static async Task WriteChunkAsync(Stream stream, ReadOnlyMemory<byte> chunk, CancellationToken token)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"{chunk.Length:X}\r\n"), token);
        await stream.WriteAsync(chunk, token);
        await stream.WriteAsync("\r\n"u8.ToArray(), token);
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _connections.Add(client);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        try
        {
            using (client)
            {
                var stream = client.GetStream();
                var request = await RawRequest.ReadAsync(stream, _stop.Token);
                if (request is null) return;
                if (_serveStatus && Releases.HubStatus.IsStatus(request.Method, request.Target))
                {
                    await WriteAsync(stream, 200, Encoding.UTF8.GetBytes(Releases.HubStatus.ForTarget(request.Target)), _stop.Token);
                    return;
                }
                _received.Enqueue(request);
                // One request per connection: the connection ends with the script's answer.
                await _script(request, stream, _stop.Token);
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client hung up, or the server is stopping: both are what these tests provoke.
        }
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        307 => "Temporary Redirect",
        308 => "Permanent Redirect",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };

    /// <summary>Stops listening and closes every connection.</summary>
    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        foreach (var connection in _connections) connection.Dispose();
        await _accepting;
        _stop.Dispose();
    }
}

/// <summary>One request as the raw server read it off the socket.</summary>
public sealed class RawRequest
{
    private const int MaxHeadBytes = 64 * 1024;

    private RawRequest(string method, string target, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        Method = method;
        Target = target;
        Headers = headers;
        Body = body;
    }

    /// <summary>The method, for example <c>GET</c>.</summary>
    public string Method { get; }

    /// <summary>The request target exactly as sent, for example <c>/storage/buckets/x?include=a</c>.</summary>
    public string Target { get; }

    /// <summary>The headers (names compared without case; repeated ones joined by <c>, </c>).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The body, read by <c>Content-Length</c>; empty without one.</summary>
    public byte[] Body { get; }

    /// <summary>The body as UTF-8 text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body);

    internal static async Task<RawRequest?> ReadAsync(Stream stream, CancellationToken token)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(head))
        {
            if (await stream.ReadAsync(one, token) == 0) return null;
            head.Add(one[0]);
            if (head.Count > MaxHeadBytes) throw new IOException("The request head is too long.");
        }
        var lines = Encoding.ASCII.GetString(head.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var start = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var earlier) ? earlier + ", " + value : value;
        }
        var body = Array.Empty<byte>();
        if (headers.TryGetValue("Content-Length", out var length) && int.TryParse(length, out var count) && count > 0)
        {
            body = new byte[count];
            await stream.ReadExactlyAsync(body, token);
        }
        return new RawRequest(start[0], start.Length > 1 ? start[1] : "", headers, body);
    }

    private static bool EndsWithBlankLine(List<byte> head) =>
        head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n';
}
