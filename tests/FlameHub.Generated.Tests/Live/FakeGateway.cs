namespace FlameHub.Generated.Tests.Live;

/// <summary>
/// A <see cref="FakeHub"/> on a loopback port (<see cref="FakeHub.ListenOnLoopback"/>), so that the
/// Live suite reaches it exactly as it reaches a real Hub: by a gateway URL serving <c>auth/</c>,
/// <c>core/</c> and <c>storage/</c>, with the library's default transport (no handler in the code under test).
/// </summary>
internal sealed class FakeGateway : IAsyncDisposable
{
    private readonly FakeHubListener _listener;

    private FakeGateway(FakeHub hub, FakeHubListener listener)
    {
        Hub = hub;
        _listener = listener;
    }

    public FakeHub Hub { get; }

    /// <summary>The gateway root, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri Url => _listener.Url;

    public static Task<FakeGateway> StartAsync()
    {
        var hub = new FakeHub();
        return Task.FromResult(new FakeGateway(hub, hub.ListenOnLoopback()));
    }

    public async ValueTask DisposeAsync()
    {
        await _listener.DisposeAsync();
        Hub.Dispose();
    }
}
