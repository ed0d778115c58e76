namespace FlameHub.Generated.Tests.Live;

/// <summary>
/// What the Live suite runs against, its fixtures' parameter: <see cref="Fake"/>, a <see cref="FakeHub"/>
/// of this run's release behind a loopback gateway (every run), or <see cref="Live"/>, the real Hub of
/// <c>FLAMEHUB_URL</c> (reported as skipped without it). Both give the same thing: a gateway URL, a
/// user and a password, so that the tests and their assertions are the same for both.
/// </summary>
internal sealed class HubTarget : IAsyncDisposable
{
    public const string Fake = "fake";
    public const string Live = "live";

    private readonly FakeGateway? _gateway;

    private HubTarget(LiveHub hub, FakeGateway? gateway)
    {
        Hub = hub;
        _gateway = gateway;
    }

    /// <summary>The Hub's gateway URL and the credentials of its admin.</summary>
    public LiveHub Hub { get; }

    public static async Task<HubTarget> StartAsync(string kind)
    {
        switch (kind)
        {
            case Fake:
                var gateway = await FakeGateway.StartAsync();
                // The fake's seeded admin (fake.json seed), as a fresh Hub has it.
                return new HubTarget(new LiveHub(gateway.Url, "admin", "start123"), gateway);
            case Live:
                return new HubTarget(await LiveHub.RequireOrIgnoreAsync(), null);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "fake or live");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_gateway is not null) await _gateway.DisposeAsync();
    }
}
