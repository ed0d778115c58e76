using System.Net;
using System.Net.Sockets;
using FlameHub.Testing.Loopback;

namespace FlameHub.Testing;

/// <summary>
/// A <see cref="FakeHub"/> on a loopback port, for tools that are not .NET (a Python client, curl, a
/// browser): <see cref="Url"/> is a gateway that serves <c>auth/</c>, <c>core/</c> and <c>storage/</c>,
/// plain HTTP/1.1 on 127.0.0.1, the same fake behind it. Made by <see cref="FakeHub.ListenOnLoopback"/>;
/// disposing it (or the hub) closes the port.
/// </summary>
public sealed class FakeHubListener : IDisposable, IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    internal FakeHubListener(HttpMessageHandler handler, Uri fakeRoot)
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync(new HttpConnectionServer(handler, fakeRoot), _stop.Token);
    }

    /// <summary>The gateway's root URL, <c>http://127.0.0.1:&lt;port&gt;/</c>: <c>auth/</c>, <c>core/</c> and <c>storage/</c> below it.</summary>
    public Uri Url { get; }

    /// <summary>Stops listening and closes the open connections.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested) return;
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        try
        {
            await _accepting.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
        _stop.Dispose();
    }

    /// <inheritdoc cref="DisposeAsync"/>
    public void Dispose()
    {
        if (_stop.IsCancellationRequested) return;
        _stop.Cancel();
        _listener.Stop();
    }

    private async Task AcceptAsync(HttpConnectionServer server, CancellationToken stop)
    {
        var connections = new List<Task>();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(stop).ConfigureAwait(false);
                connections.RemoveAll(c => c.IsCompleted);
                connections.Add(server.ServeAsync(client, stop));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The listener was stopped.
        }
        await Task.WhenAll(connections).ConfigureAwait(false);
    }
}
