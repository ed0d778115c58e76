using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace FlameHub.Generated.Tests.WireMock;

/// <summary>
/// The real WireMock standalone server (the jar of the npm package <c>wiremock</c>, run by
/// Java 17) on a free loopback port, driven through its admin API.
/// </summary>
public sealed class WireMockServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly HttpClient _admin;
    private readonly string _rootDirectory;

    private WireMockServer(Process process, Uri baseUrl, string rootDirectory)
    {
        _process = process;
        _rootDirectory = rootDirectory;
        BaseUrl = baseUrl;
        _admin = new HttpClient { BaseAddress = new Uri(baseUrl, "__admin/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    /// <summary>The server's root, ending with a slash.</summary>
    public Uri BaseUrl { get; }

    /// <summary>Starts the server with the mapping files of <paramref name="mappingsDirectory"/> and <paramref name="defaultMappings"/> loaded (a reset keeps them).</summary>
    public static async Task<WireMockServer> StartAsync(string jar, string? mappingsDirectory, CancellationToken cancellationToken,
        IEnumerable<(string FileName, JsonObject Mapping)>? defaultMappings = null)
    {
        if (!File.Exists(jar)) throw new FileNotFoundException($"WireMock's jar is missing; './build.sh test' installs it with npm ci.", jar);
        var root = Path.Combine(Path.GetTempPath(), "flamehub-wiremock-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "mappings"));
        Directory.CreateDirectory(Path.Combine(root, "__files"));
        // A release whose tests stub everything through the API has no mapping files (and no folder for them).
        foreach (var file in mappingsDirectory is null || !Directory.Exists(mappingsDirectory) ? [] : Directory.GetFiles(mappingsDirectory, "*.json"))
        {
            File.Copy(file, Path.Combine(root, "mappings", Path.GetFileName(file)));
        }
        foreach (var (fileName, mapping) in defaultMappings ?? [])
        {
            File.WriteAllText(Path.Combine(root, "mappings", fileName), mapping.ToJsonString());
        }

        var port = FreePort();
        var start = new ProcessStartInfo("java") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-jar", jar, "--port", port.ToString(), "--bind-address", "127.0.0.1", "--root-dir", root, "--disable-banner" })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start java");
        var log = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new WireMockServer(process, new Uri($"http://127.0.0.1:{port}/"), root);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) break;
            try
            {
                using var health = await server._admin.GetAsync("health", cancellationToken);
                if (health.IsSuccessStatusCode) return server;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200, cancellationToken);
        }
        await server.DisposeAsync();
        lock (log) throw new InvalidOperationException($"WireMock did not start on port {port}:\n{log}");
    }

    /// <summary>Forgets every stub added through the API and the request journal; file mappings are reloaded.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken = default) =>
        (await _admin.PostAsync("reset", null, cancellationToken)).EnsureSuccessStatusCode();

    /// <summary>Forgets the request journal only; stubs stay.</summary>
    public async Task ClearRequestsAsync(CancellationToken cancellationToken = default) =>
        (await _admin.DeleteAsync("requests", cancellationToken)).EnsureSuccessStatusCode();

    /// <summary>Adds one stub mapping in WireMock's JSON mapping format.</summary>
    public async Task StubAsync(JsonObject mapping, CancellationToken cancellationToken = default)
    {
        using var content = new StringContent(mapping.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await _admin.PostAsync("mappings", content, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"WireMock refused the mapping: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    /// <summary>
    /// The requests the server received, oldest first. The release checks' <c>GET /</c> answered by
    /// the default status mappings are left out (tests count the requests of the calls they make)
    /// unless <paramref name="withReleaseChecks"/>; a <c>GET /</c> a test stubbed itself is always in.
    /// </summary>
    public async Task<IReadOnlyList<JsonObject>> RequestsAsync(CancellationToken cancellationToken = default, bool withReleaseChecks = false)
    {
        var journal = JsonNode.Parse(await _admin.GetStringAsync("requests", cancellationToken))!;
        return journal["requests"]!.AsArray()
            .Where(r => withReleaseChecks || r!["stubMapping"]?["name"]?.GetValue<string>() != Releases.HubStatus.MappingName)
            .Select(r => r!["request"]!.AsObject()).Reverse().ToList();
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(_rootDirectory, recursive: true); } catch (IOException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
