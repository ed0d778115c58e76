using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace FlameHub.Testing.Loopback;

/// <summary>
/// One HTTP/1.1 connection of <see cref="FakeHubListener"/>: reads requests (Content-Length or chunked
/// bodies, <c>Expect: 100-continue</c>), sends each through the fake's handler at the fake's own URLs,
/// and writes the answer with its length. Any failure of the handler (an injected connection reset) resets the connection.
/// </summary>
internal sealed class HttpConnectionServer(HttpMessageHandler handler, Uri fakeRoot)
{
    private const int MaxHeaderBytes = 64 * 1024;

    private readonly HttpMessageInvoker _invoker = new(handler, disposeHandler: false);

    public async Task ServeAsync(TcpClient client, CancellationToken stop)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var reader = new BufferedReader(stream);
                while (!stop.IsCancellationRequested && await ReadHeadAsync(reader, stop).ConfigureAwait(false) is { } head)
                {
                    using var request = await ReadRequestAsync(head, reader, stream, stop).ConfigureAwait(false);
                    HttpResponseMessage response;
                    try
                    {
                        response = await _invoker.SendAsync(request, stop).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // An injected connection failure, or any other the handler throws: the peer sees a reset.
                        client.Client.LingerState = new LingerOption(true, 0);
                        return;
                    }
                    using (response)
                    {
                        var close = head.Headers.TryGetValue("connection", out var connection) && connection.Equals("close", StringComparison.OrdinalIgnoreCase);
                        await WriteResponseAsync(stream, response, close, stop).ConfigureAwait(false);
                        if (close) return;
                    }
                }
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or FormatException)
            {
                // The peer went away, sent something that is not HTTP, or the listener stopped.
            }
        }
    }

    private static async Task<RequestHead?> ReadHeadAsync(BufferedReader reader, CancellationToken stop)
    {
        var lines = new List<string>();
        var total = 0;
        while (await reader.ReadLineAsync(stop).ConfigureAwait(false) is { } line)
        {
            total += line.Length + 2;
            if (total > MaxHeaderBytes) throw new FormatException("The request head is too long.");
            if (line.Length == 0)
            {
                if (lines.Count == 0) continue; // a stray empty line between requests
                break;
            }
            lines.Add(line);
        }
        if (lines.Count == 0) return null;
        var start = lines[0].Split(' ');
        if (start.Length != 3) throw new FormatException("Not an HTTP request line.");
        var headers = new List<(string Name, string Value)>();
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0) throw new FormatException("Not an HTTP header.");
            headers.Add((line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }
        return new RequestHead(start[0], start[1], headers);
    }

    private async Task<HttpRequestMessage> ReadRequestAsync(RequestHead head, BufferedReader reader, NetworkStream stream, CancellationToken stop)
    {
        if (head.Headers.TryGetValue("expect", out var expect) && expect.Equals("100-continue", StringComparison.OrdinalIgnoreCase))
        {
            await stream.WriteAsync("HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray(), stop).ConfigureAwait(false);
        }
        byte[]? body = null;
        if (head.Headers.TryGetValue("transfer-encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = await reader.ReadChunkedAsync(stop).ConfigureAwait(false);
        }
        else if (head.Headers.TryGetValue("content-length", out var length))
        {
            body = await reader.ReadExactlyAsync(long.Parse(length, CultureInfo.InvariantCulture), stop).ConfigureAwait(false);
        }
        var request = new HttpRequestMessage(new HttpMethod(head.Method), new Uri(fakeRoot, head.Target.TrimStart('/')));
        if (body is not null) request.Content = new ByteArrayContent(body);
        foreach (var (name, value) in head.All)
        {
            if (name.Equals("host", StringComparison.OrdinalIgnoreCase) || name.Equals("transfer-encoding", StringComparison.OrdinalIgnoreCase)
                || name.Equals("content-length", StringComparison.OrdinalIgnoreCase) || name.Equals("expect", StringComparison.OrdinalIgnoreCase)) continue;
            if (!request.Headers.TryAddWithoutValidation(name, value)) request.Content?.Headers.TryAddWithoutValidation(name, value);
        }
        return request;
    }

    private static async Task WriteResponseAsync(NetworkStream stream, HttpResponseMessage response, bool close, CancellationToken stop)
    {
        var body = response.Content is null ? [] : await response.Content.ReadAsByteArrayAsync(stop).ConfigureAwait(false);
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {(int)response.StatusCode} {response.ReasonPhrase}\r\n");
        IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers = response.Headers;
        if (response.Content is not null) headers = headers.Concat(response.Content.Headers);
        foreach (var (name, values) in headers)
        {
            if (name.Equals("content-length", StringComparison.OrdinalIgnoreCase) || name.Equals("transfer-encoding", StringComparison.OrdinalIgnoreCase)
                || name.Equals("connection", StringComparison.OrdinalIgnoreCase)) continue;
            head.Append(CultureInfo.InvariantCulture, $"{name}: {string.Join(", ", values)}\r\n");
        }
        head.Append(CultureInfo.InvariantCulture, $"Content-Length: {body.Length}\r\nConnection: {(close ? "close" : "keep-alive")}\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), stop).ConfigureAwait(false);
        await stream.WriteAsync(body, stop).ConfigureAwait(false);
    }

    private sealed class RequestHead(string method, string target, List<(string Name, string Value)> headers)
    {
        public string Method { get; } = method;

        public string Target { get; } = target;

        public IReadOnlyList<(string Name, string Value)> All { get; } = headers;

        /// <summary>The last value of each header, by its lower-case name.</summary>
        public Dictionary<string, string> Headers { get; } = headers.GroupBy(h => h.Name.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Last().Value);
    }
}
