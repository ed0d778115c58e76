using BenchmarkDotNet.Attributes;
using FlameHub.Core;

namespace FlameHub.Generated.Benchmarks;

/// <summary>
/// The per-call scenarios, each as a client variant and its raw baseline on the same loopback
/// server in the same run: one node, a page of 50 nodes with their registry, all of 10,000 nodes.
/// </summary>
public class RequestBenchmarks
{
    /// <summary>Set by <see cref="Program"/> before BenchmarkDotNet runs (in process).</summary>
    public static ServerProcess Server { get; set; } = null!;

    private CoreClient _client = null!;
    private CoreClient _listClient = null!;
    private CoreClient _findClient = null!;
    private Raw _raw = null!;
    private Raw _rawList = null!;
    private Raw _rawFind = null!;

    public const int ListTotal = 10_000;

    [GlobalSetup]
    public void Setup()
    {
        var auth = new Uri(Server.Root, "auth/");
        // One credential for the three clients, as an application would share it; warmed below.
        var credential = new PasswordAuth("admin", "start123", auth);
        _client = new CoreClient(Server.Service("core"), credential);
        _findClient = new CoreClient(Server.Service("core", Payloads.PageSize), credential);
        _listClient = new CoreClient(Server.Service("core", ListTotal), credential);
        _raw = new Raw(Server.Service("core"));
        _rawFind = new Raw(Server.Service("core", Payloads.PageSize));
        _rawList = new Raw(Server.Service("core", ListTotal));
        foreach (var raw in new[] { _raw, _rawFind, _rawList }) raw.SignInAsync(auth).GetAwaiter().GetResult();
        // Warm token, warm connections.
        _client.GetNodeAsync(Payloads.NodeId).GetAwaiter().GetResult();
    }

    /// <summary>The three scenarios timed interleaved (see <see cref="Measured.InterleavedAsync"/>), outside BenchmarkDotNet.</summary>
    public async Task<Dictionary<string, (double ClientNs, double RawNs)>> InterleavedAsync(bool quick)
    {
        var rounds = quick ? 5 : 30;
        return new()
        {
            ["GetNode"] = await Measured.InterleavedAsync(GetNode_Client, GetNode_Raw, 100, rounds),
            ["FindNodes"] = await Measured.InterleavedAsync(FindNodes_Client, FindNodes_Raw, 40, rounds),
            ["ListAllNodes"] = await Measured.InterleavedAsync(ListAllNodes_Client, ListAllNodes_Raw, 1, quick ? 3 : 12),
        };
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _findClient.Dispose();
        _listClient.Dispose();
        _raw.Dispose();
        _rawFind.Dispose();
        _rawList.Dispose();
    }

    [Benchmark]
    public async Task<Node?> GetNode_Client() => await _client.GetNodeAsync(Payloads.NodeId);

    [Benchmark]
    public async Task<Node?> GetNode_Raw() => await _raw.GetNodeAsync(Payloads.NodeId);

    [Benchmark]
    public async Task<int> FindNodes_Client() => (await _findClient.FindNodesAsync(new FindOptions { Include = { "registry" } })).Count;

    [Benchmark]
    public async Task<int> FindNodes_Raw() => (await _rawFind.FindNodesAsync()).Data.Count;

    [Benchmark]
    public async Task<int> ListAllNodes_Client()
    {
        var count = 0;
        await foreach (var node in _listClient.ListAllNodesAsync(new FindOptions { Include = { "registry" } })) count++;
        return Check(count);
    }

    [Benchmark]
    public async Task<int> ListAllNodes_Raw()
    {
        var count = 0;
        await foreach (var node in _rawList.ListAllNodesAsync()) count++;
        return Check(count);
    }

    private static int Check(int count) =>
        count == ListTotal ? count : throw new InvalidOperationException($"Listed {count} nodes, not {ListTotal}.");
}
