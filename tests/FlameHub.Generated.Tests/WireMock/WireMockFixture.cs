using FlameHub.Generated.Tests.WireMock;

namespace FlameHub.Generated.Tests;

/// <summary>One WireMock server for the whole test run (started lazily by the first test that asks), with the mapping files of Fixtures/mappings.</summary>
[SetUpFixture]
public sealed class WireMockFixture
{
    private static WireMockServer? _server;

    public static WireMockServer Server => _server ?? throw new InvalidOperationException("WireMock has not started.");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        // The npm package pins the version; the jar's name carries it.
        var jar = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "node_modules", "wiremock", "build"), "wiremock-standalone-*.jar").Single();
        // Every service answers GET / as a Hub of the package's own release, so the release check lets calls through.
        _server = await WireMockServer.StartAsync(jar, Path.Combine(AppContext.BaseDirectory, "Fixtures", "mappings"), CancellationToken.None,
            Releases.HubStatus.WireMockMappings());
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }
}
