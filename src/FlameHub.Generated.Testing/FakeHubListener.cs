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
    private int _stopped;

    internal FakeHubListener(HttpMessageHandler handler, Uri fakeRoot)
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync(new HttpConnectionServer(handler, fakeRoot), _stop.Token);
    }

    /// <summary>The gateway's root URL, <c>http://127.0.0.1:&lt;port&gt;/</c>: <c>auth/</c>, <c>core/</c> and <c>storage/</c> below it.</summary>
    public Uri Url { get; }

    /// <summary>
    /// Stops listening, closes the open connections and waits until the requests they were serving
    /// have ended. Calling it again, or after <see cref="Dispose"/>, does nothing.
    /// </summary>
    /// <returns>A task that completes when the port is closed and its connections have ended.</returns>
    public async ValueTask DisposeAsync()
    {
        if (!Stop()) return;
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

    /// <summary>
    /// Stops listening and closes the open connections, without waiting for the requests they were
    /// serving (<see cref="DisposeAsync"/> waits). Calling it again does nothing.
    /// </summary>
    public void Dispose() => Stop();

    // The first of the two disposes stops. After the sync one, connections may still read _stop's token, so it stays undisposed (it holds no timer).
    private bool Stop()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return false;
        _stop.Cancel();
        _listener.Stop();
        return true;
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
