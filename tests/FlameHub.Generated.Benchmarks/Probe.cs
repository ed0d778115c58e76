using System.Diagnostics;
using FlameHub.Core;

namespace FlameHub.Generated.Benchmarks;

/// <summary>
/// <c>--probe</c>: where a client call's cost goes. Alternates variants that each remove one layer
/// (the handler chain, Polly's strategies, the call timeout) in rounds of calls; prints the median
/// time and the allocation per call of each. For investigating a missed goal, not part of the report.
/// </summary>
public static class Probe
{
    public static async Task RunAsync(int calls, int rounds, string scenario)
    {
        using var server = ServerProcess.Start();
        var auth = new Uri(server.Root, "auth/");
        var credential = new PasswordAuth("admin", "start123", auth);
        var total = scenario == "find" ? Payloads.PageSize : 10_000;
        var core = server.Service("core", total);
        var raw = new Raw(core);
        await raw.SignInAsync(auth);
        var token = (await credential.GetAuthorizationAsync()).Parameter!;
        var plain = new HttpClient { BaseAddress = core };
        plain.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var variants = new (string Name, Func<Task> Call)[]
        {
            ("raw", () => scenario == "find" ? raw.FindNodesAsync() : raw.GetNodeAsync(Payloads.NodeId)),
            ("client (full pipeline)", Client(new CoreClient(core, credential))),
            ("client, no retries/timeouts in Polly", Client(new CoreClient(core, new HubClientOptions { Credential = credential, Retry = { MaxRetries = 0 }, AttemptTimeout = Timeout.InfiniteTimeSpan, Timeout = Timeout.InfiniteTimeSpan }))),
            ("client over a plain HttpClient (no handlers)", Client(new CoreClient(plain) { Timeout = Timeout.InfiniteTimeSpan })),
            ("client over a plain HttpClient, call timeout on", Client(new CoreClient(plain))),
        };
        Func<Task> Client(CoreClient client) => scenario == "find"
            ? () => client.FindNodesAsync(new FindOptions { Include = { "registry" } })
            : () => client.GetNodeAsync(Payloads.NodeId);

        var times = variants.Select(_ => new List<double>()).ToArray();
        var bytes = variants.Select(_ => new List<double>()).ToArray();
        var cpu = variants.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var v = 0; v < variants.Length; v++)
            {
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
                var started = Stopwatch.GetTimestamp();
                for (var i = 0; i < calls; i++) await variants[v].Call();
                var elapsed = Stopwatch.GetElapsedTime(started);
                if (round == 0) continue; // warm-up
                times[v].Add(elapsed.TotalMicroseconds / calls);
                cpu[v].Add((Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalMicroseconds / calls);
                bytes[v].Add((GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)calls);
            }
        }
        var rawTime = Measured.Median(times[0]);
        var rawBytes = Measured.Median(bytes[0]);
        var rawCpu = Measured.Median(cpu[0]);
        for (var v = 0; v < variants.Length; v++)
        {
            var t = Measured.Median(times[v]);
            var b = Measured.Median(bytes[v]);
            var c = Measured.Median(cpu[v]);
            Console.WriteLine($"{variants[v].Name,-50} {t,8:0.0} µs  {t / rawTime,5:0.00}   cpu {c,6:0.0} µs {c / rawCpu,5:0.00}   {b,8:0} B  {b / rawBytes,5:0.00}");
        }
    }
}
