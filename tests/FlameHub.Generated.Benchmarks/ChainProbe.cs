using System.Diagnostics;
using System.Net;
using FlameHub.Core;

namespace FlameHub.Generated.Benchmarks;

/// <summary>
/// <c>--probe chain</c>: the client's own cost without any network: the whole call over an
/// in-memory handler that answers the recorded node, layer by layer; once at once, once
/// completing asynchronously as a socket does (which is when each async layer allocates its state).
/// CPU-bound, so far steadier than a loopback round trip on a busy machine.
/// </summary>
public static class ChainProbe
{
    /// <summary>Answers at once; <paramref name="yields"/> makes each answer complete asynchronously, as a socket's does.</summary>
    private sealed class Canned(bool yields) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (yields) await Task.Yield();
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Payloads.OneNode) { Headers = { ContentType = new("application/json") } } };
        }
    }

    private sealed class PassThrough : DelegatingHandler;

    public static async Task RunAsync(int calls, int rounds)
    {
        Console.WriteLine("answers complete synchronously:");
        await RunAsync(calls, rounds, yields: false);
        Console.WriteLine("answers complete asynchronously (as over a socket):");
        await RunAsync(calls, rounds, yields: true);
    }

    private static async Task RunAsync(int calls, int rounds, bool yields)
    {
        var canned = new Canned(yields);
        var baseUrl = new Uri("http://hub.invalid/core/");
        var credential = new StaticTokenAuth("token");
        var plain = new HttpClient(canned) { BaseAddress = baseUrl };
        plain.DefaultRequestHeaders.Authorization = new("Bearer", "token");
        var raw = new Raw(baseUrl, canned);
        var variants = new (string Name, Func<Task> Call)[]
        {
            ("raw", () => raw.GetNodeAsync(Payloads.NodeId)),
            ("client (full pipeline)", Get(new CoreClient(baseUrl, credential, canned))),
            ("client, Polly without strategies", Get(new CoreClient(baseUrl, new HubClientOptions { Credential = credential, Retry = { MaxRetries = 0 }, AttemptTimeout = Timeout.InfiniteTimeSpan, Timeout = Timeout.InfiniteTimeSpan }, canned))),
            ("client, no retry (timeouts only)", Get(new CoreClient(baseUrl, new HubClientOptions { Credential = credential, Retry = { MaxRetries = 0 } }, canned))),
            ("client over a plain HttpClient", Get(new CoreClient(plain, new HubClientOptions { Timeout = Timeout.InfiniteTimeSpan }))),
            ("client over a plain HttpClient, call timeout", Get(new CoreClient(plain))),
            ("client, chain of the resilience handler only", Get(Chain(new HubResilienceHandler(new HubClientOptions())))),
            ("resilience handler only, Polly without strategies", Get(Chain(new HubResilienceHandler(new HubClientOptions { Retry = { MaxRetries = 0 }, AttemptTimeout = Timeout.InfiniteTimeSpan })))),
            ("resilience handler only, retry strategy alone", Get(Chain(new HubResilienceHandler(new HubClientOptions { AttemptTimeout = Timeout.InfiniteTimeSpan })))),
            ("resilience handler only, attempt timeout alone", Get(Chain(new HubResilienceHandler(new HubClientOptions { Retry = { MaxRetries = 0 } })))),
            ("chain of one pass-through handler", Get(Chain(new PassThrough()))),
            ("client, chain of the tracing handler only", Get(Chain(new HubTracingHandler("x")))),
            ("client, chain of the auth handler only", Get(Chain(new HubAuthenticationHandler(credential)))),
        };
        CoreClient Chain(DelegatingHandler handler)
        {
            handler.InnerHandler = canned;
            return new CoreClient(new HttpClient(handler) { BaseAddress = baseUrl }, new HubClientOptions { Timeout = Timeout.InfiniteTimeSpan });
        }
        static Func<Task> Get(CoreClient client) => () => client.GetNodeAsync(Payloads.NodeId);

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
                if (round == 0) continue;
                times[v].Add(elapsed.TotalMicroseconds / calls);
                cpu[v].Add((Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalMicroseconds / calls);
                bytes[v].Add((GC.GetTotalAllocatedBytes(precise: true) - allocated) / (double)calls);
            }
        }
        for (var v = 0; v < variants.Length; v++)
        {
            var t = Measured.Median(times[v]);
            var b = Measured.Median(bytes[v]);
            var c = Measured.Median(cpu[v]);
            Console.WriteLine($"{variants[v].Name,-50} {t,8:0.00} µs  +{t - Measured.Median(times[0]),6:0.00} µs   cpu {c,7:0.00} µs +{c - Measured.Median(cpu[0]),6:0.00}   {b,8:0} B  +{b - Measured.Median(bytes[0]),6:0} B");
        }
    }
}
