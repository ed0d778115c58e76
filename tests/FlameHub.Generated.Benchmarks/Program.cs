using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace FlameHub.Generated.Benchmarks;

/// <summary>
/// Runs every scenario of issue 5 and writes docs/benchmarks.md.
///   --server        be the loopback Hub (started by the run itself)
///   --repo DIR      the repository root (default: found upwards from here)
///   --out FILE      the report (default: DIR/docs/benchmarks.md)
///   --only LIST     some of calls,memory,transfer,concurrency,build; --filter GLOB picks benchmarks
///   --probe get|find  time the layers of one call (see Probe)
///   --quick         fewer iterations and 128 MiB transfers, to try changes; the report says so
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Contains("--server"))
        {
            await LoopbackHub.RunAsync();
            return 0;
        }
        if (Option(args, "--probe") == "chain")
        {
            await ChainProbe.RunAsync(int.Parse(Option(args, "--calls") ?? "20000", CultureInfo.InvariantCulture), int.Parse(Option(args, "--rounds") ?? "8", CultureInfo.InvariantCulture));
            return 0;
        }
        if (args.Contains("--probe"))
        {
            await Probe.RunAsync(int.Parse(Option(args, "--calls") ?? "2000", CultureInfo.InvariantCulture), int.Parse(Option(args, "--rounds") ?? "8", CultureInfo.InvariantCulture), Option(args, "--probe") ?? "get");
            return 0;
        }
        var started = Stopwatch.GetTimestamp();
        var repo = Option(args, "--repo") ?? FindRepo();
        var output = Option(args, "--out") ?? Path.Combine(repo, "docs", "benchmarks.md");
        var quick = args.Contains("--quick");
        var only = Option(args, "--only")?.Split(',') ?? ["calls", "memory", "transfer", "concurrency", "build"];
        var report = new Report(quick);

        using (var server = ServerProcess.Start())
        {
            Console.WriteLine($"bench: loopback Hub at {server.Root}");
            RequestBenchmarks.Server = server;
            if (only.Contains("calls")) RunBenchmarkDotNet(report, repo, quick, Option(args, "--filter"));

            if (only.Contains("calls"))
            {
                Console.WriteLine("bench: where a GetNodeAsync's time goes, layer by layer");
                report.Layers(await Probe.MeasureAsync(server, quick ? 100 : 200, quick ? 6 : 16, "get", everything: false));
            }

            if (only.Contains("memory"))
            {
            Console.WriteLine("bench: ListAll peak live memory, 2,000 vs 10,000 nodes");
            var small = await Measured.ListAllPeakLiveAsync(server, 2_000);
            var large = await Measured.ListAllPeakLiveAsync(server, 10_000);
            report.ListAllMemory(small, large);
            }

            if (only.Contains("transfer"))
            {
            var size = quick ? 128L << 20 : 1L << 30;
            var repeats = quick ? 1 : 5;
            Console.WriteLine($"bench: upload and download of {size >> 20} MiB, {repeats} times each");
            var upload = await Measured.UploadAsync(server, size, repeats);
            var download = await Measured.DownloadAsync(server, size, repeats);
            report.Transfers(size, repeats, upload, download);
            }

            if (only.Contains("concurrency"))
            {
            Console.WriteLine("bench: 256 concurrent GetNodeAsync, valid vs expired token");
            report.Concurrency(await Measured.ConcurrentExpiryAsync(server, 256, quick ? 5 : 15));
            }
        }

        if (only.Contains("build"))
        {
            Console.WriteLine("bench: build times");
            report.Builds(BuildTimes.Measure(repo));
        }

        report.Elapsed = Stopwatch.GetElapsedTime(started);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        File.WriteAllText(output, report.ToMarkdown());
        Console.WriteLine(report.Summary());
        Console.WriteLine($"bench: wrote {output} ({report.Elapsed.TotalMinutes:0.0} min)");
        return 0;
    }

    private static void RunBenchmarkDotNet(Report report, string repo, bool quick, string? filter)
    {
        // In process (no generated project to build), few but long enough iterations: the run must
        // fit in minutes on two cores; medians are robust to the odd slow iteration.
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(quick ? 2 : 5)
            .WithIterationCount(quick ? 5 : 21)
            .WithIterationTime(TimeInterval.FromMilliseconds(quick ? 150 : 250))
            .WithEvaluateOverhead(false)
            .WithId("bench");
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(ConsoleLogger.Default)
            .WithArtifactsPath(Path.Combine(repo, "artifacts", "bench"))
            .WithOptions(ConfigOptions.DisableLogFile);
        if (filter is not null) config = config.AddFilter(new BenchmarkDotNet.Filters.GlobFilter([filter]));
        var summary = BenchmarkRunner.Run<RequestBenchmarks>(config);
        foreach (var result in summary.Reports)
        {
            var name = result.BenchmarkCase.Descriptor.WorkloadMethod.Name;
            var stats = result.ResultStatistics ?? throw new InvalidOperationException($"{name} produced no result.");
            var bytes = result.GcStats.GetBytesAllocatedPerOperation(result.BenchmarkCase) ?? 0;
            report.Add(name, stats.Median, stats.Mean, stats.StandardDeviation, bytes);
        }

        Console.WriteLine("bench: the same calls timed interleaved (client, raw, raw, client, ...)");
        var benchmarks = new RequestBenchmarks();
        benchmarks.Setup();
        try
        {
            foreach (var (name, times) in benchmarks.InterleavedAsync(quick).GetAwaiter().GetResult()) report.AddInterleaved(name, times.ClientNs, times.RawNs);
        }
        finally
        {
            benchmarks.Cleanup();
        }
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FlameHub.Generated.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Could not find the repository root; pass --repo.");
    }

    public static string Machine()
    {
        string? Read(string file, string key) => File.Exists(file)
            ? File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = Read("/proc/meminfo", "MemTotal") is { } kb && long.TryParse(kb.Split(' ')[0], CultureInfo.InvariantCulture, out var k)
            ? $"{k / 1024.0 / 1024.0:0.0} GiB" : "unknown";
        var cpu = Read("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var load = File.Exists("/proc/loadavg") ? $", load average at the start {string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}" : "";
        return $"{Environment.ProcessorCount} cores ({cpu}), {memory} memory, {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}, {RuntimeInformation.FrameworkDescription}, workstation GC{load}";
    }
}
