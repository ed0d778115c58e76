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
    public sealed record Layer(string Name, double Micros, double CpuMicros, double Bytes);

    public static async Task RunAsync(int calls, int rounds, string scenario)
    {
        using var server = ServerProcess.Start();
        var layers = await MeasureAsync(server, calls, rounds, scenario, everything: true);
        foreach (var l in layers)
        {
            Console.WriteLine($"{l.Name,-50} {l.Micros,8:0.0} µs  {l.Micros / layers[0].Micros,5:0.00}   cpu {l.CpuMicros,6:0.0} µs {l.CpuMicros / layers[0].CpuMicros,5:0.00}   {l.Bytes,8:0} B  {l.Bytes / layers[0].Bytes,5:0.00}");
        }
    }

    /// <summary>The time, CPU time and allocation per call of each variant, raw first; rounds of <paramref name="calls"/> calls per variant, medians.</summary>
    public static async Task<List<Layer>> MeasureAsync(ServerProcess server, int calls, int rounds, string scenario, bool everything)
    {
        var auth = new Uri(server.Root, "auth/");
        var credential = new PasswordAuth("admin", "start123", auth);
        var total = scenario == "find" ? Payloads.PageSize : 10_000;
        var core = server.Service("core", total);
        var raw = new Raw(core);
        await raw.SignInAsync(auth);
        var token = (await credential.GetAuthorizationAsync()).Parameter!;
        var plain = new HttpClient { BaseAddress = core };
        plain.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var all = new (string Name, Func<Task> Call)[]
        {
            ("raw", () => scenario == "find" ? raw.FindNodesAsync() : raw.GetNodeAsync(Payloads.NodeId)),
            ("client (full pipeline)", Client(new CoreClient(core, credential))),
            ("client, Polly without retry and timeouts", Client(new CoreClient(core, new HubClientOptions { Credential = credential, Retry = { MaxRetries = 0 }, AttemptTimeout = Timeout.InfiniteTimeSpan, Timeout = Timeout.InfiniteTimeSpan }))),
            ("client over a plain HttpClient (no handler chain)", Client(new CoreClient(plain, new HubClientOptions { Timeout = Timeout.InfiniteTimeSpan }))),
            ("client over a plain HttpClient, call timeout on", Client(new CoreClient(plain))),
            ("client, chain of the tracing handler only", Client(Chain(core, new HubTracingHandler("x")))),
            ("client, chain of the auth handler only", Client(Chain(core, new HubAuthenticationHandler(credential)))),
            ("client, chain of the resilience handler only", Client(Chain(core, new HubResilienceHandler(new HubClientOptions())))),
            ("client, resilience handler with Polly's retry alone", Client(Chain(core, new HubResilienceHandler(new HubClientOptions { AttemptTimeout = Timeout.InfiniteTimeSpan })))),
            ("client, resilience handler with Polly's attempt timeout alone", Client(Chain(core, new HubResilienceHandler(new HubClientOptions { Retry = { MaxRetries = 0 } })))),
            ("client, own plain SocketsHttpHandler transport", Client(new CoreClient(core, credential, new SocketsHttpHandler()))),
            ("client, own transport like the shared one", Client(new CoreClient(core, credential, HubHttpPipeline.CreateTransport()))),
            ("plain HttpClient over the library transport", Client(new CoreClient(new HttpClient(HubHttpPipeline.CreateTransport()) { BaseAddress = core, DefaultRequestHeaders = { Authorization = new("Bearer", token) } }))),
        };
        static CoreClient Chain(Uri core, DelegatingHandler handler)
        {
            handler.InnerHandler = HubHttpPipeline.CreateTransport();
            return new CoreClient(new HttpClient(handler) { BaseAddress = core }, new HubClientOptions { Timeout = Timeout.InfiniteTimeSpan });
        }
        var variants = everything ? all : all.Where(v => !v.Name.Contains("transport", StringComparison.Ordinal) && !v.Name.Contains("call timeout", StringComparison.Ordinal)).ToArray();
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
        return variants.Select((v, k) => new Layer(v.Name, Measured.Median(times[k]), Measured.Median(cpu[k]), Measured.Median(bytes[k]))).ToList();
    }
}
