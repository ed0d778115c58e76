using System.Globalization;
using System.Text;

namespace FlameHub.Generated.Benchmarks;

/// <summary>Collects the measurements and writes docs/benchmarks.md: one table per scenario, the goal and whether it is met.</summary>
public sealed class Report(bool quick)
{
    private readonly Dictionary<string, (double Median, double Mean, double StdDev, long Bytes)> _calls = new();
    private readonly List<Section> _sections = [];

    public TimeSpan Elapsed { get; set; }

    private sealed record Line(string Measure, string Client, string Raw, double? Ratio, string Goal, bool? Met);

    private sealed record Section(string Key, string Title, string Text, List<Line> Lines);

    private readonly Dictionary<string, (double ClientNs, double RawNs)> _interleaved = new();

    public void AddInterleaved(string name, double clientNs, double rawNs) => _interleaved[name] = (clientNs, rawNs);

    public void Add(string benchmark, double medianNs, double meanNs, double stdDevNs, long bytes) =>
        _calls[benchmark] = (medianNs, meanNs, stdDevNs, bytes);

    private void CallSection(string key, string title, string text, string name, double timeGoal, double? bytesGoal)
    {
        if (!_calls.TryGetValue(name + "_Client", out var client) || !_calls.TryGetValue(name + "_Raw", out var raw)) return;
        var lines = new List<Line>();
        if (_interleaved.TryGetValue(name, out var paired))
        {
            var ratio = paired.ClientNs / paired.RawNs;
            lines.Add(new("median time, interleaved", Time(paired.ClientNs), Time(paired.RawNs), ratio, $"≤ {timeGoal:0.00}", ratio <= timeGoal));
        }
        lines.Add(new("median time, BenchmarkDotNet", Time(client.Median), Time(raw.Median), client.Median / raw.Median, "", null));
        lines.Add(new("mean ± sd, BenchmarkDotNet", $"{Time(client.Mean)} ± {Time(client.StdDev)}", $"{Time(raw.Mean)} ± {Time(raw.StdDev)}", client.Mean / raw.Mean, "", null));
        var bytes = (double)client.Bytes / raw.Bytes;
        lines.Add(new("allocated per call", Bytes(client.Bytes), Bytes(raw.Bytes), bytes, bytesGoal is { } g ? $"≤ {g:0.00}" : "", bytesGoal is { } limit ? bytes <= limit : null));
        _sections.Add(new(key, title, text, lines));
    }

    private Measured.Peak[] _memory = [];

    public void ListAllMemory((Measured.Peak Client, Measured.Peak Raw) small, (Measured.Peak Client, Measured.Peak Raw) large) => _memory = [small.Client, small.Raw, large.Client, large.Raw];

    private List<Probe.Layer> _layers = [];

    public void Layers(List<Probe.Layer> layers) => _layers = layers;

    private string LayerTable()
    {
        if (_layers.Count == 0) return "";
        var md = new StringBuilder();
        md.AppendLine("Where a `GetNodeAsync` call's time goes: the same call with layers of the pipeline taken away (rounds of calls per variant, interleaved, medians; CPU is this process's processor time per call, so it counts work, not waiting).");
        md.AppendLine();
        md.AppendLine("| variant | time per call | / raw | CPU per call | / raw | allocated | / raw |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        var raw = _layers[0];
        foreach (var l in _layers)
        {
            md.AppendLine($"| {l.Name} | {l.Micros:0.0} µs | {l.Micros / raw.Micros:0.00} | {l.CpuMicros:0.0} µs | {l.CpuMicros / raw.CpuMicros:0.00} | {Bytes((long)l.Bytes)} | {l.Bytes / raw.Bytes:0.00} |");
        }
        return md.ToString().TrimEnd();
    }

    private Section? _transfers;

    public void Transfers(long size, int repeats, Measured.Transfer upload, Measured.Transfer download)
    {
        const long limit = 32L << 20;
        var lines = new List<Line>();
        foreach (var (what, t) in new[] { ("upload", upload), ("download", download) })
        {
            var ratio = t.ClientMiBps / t.RawMiBps;
            static string Runs(List<double>? runs) => runs is null ? "" : $" ({string.Join(", ", runs.Select(r => r.ToString("0", CultureInfo.InvariantCulture)))})";
            lines.Add(new($"{what} throughput (median; each run)", $"{t.ClientMiBps:0} MiB/s{Runs(t.ClientRuns)}", $"{t.RawMiBps:0} MiB/s{Runs(t.RawRuns)}", ratio, "≥ 0.90", ratio >= 0.9));
            lines.Add(new($"{what} managed memory growth (peak)", Bytes(t.ClientPeakGrowth), Bytes(t.RawPeakGrowth), null, "client ≤ 32 MiB", t.ClientPeakGrowth <= limit));
        }
        _transfers = new("transfer", $"Upload {size >> 20} MiB from a stream, download {size >> 20} MiB to a stream",
            $"`StorageClient.UploadToBucketAsync` with an `UploadFile` over a generated seekable stream (multipart, streamed), and `StreamBucketFileAsync` copied into a counting sink, against a raw `MultipartContent`/`StreamContent` POST and a raw `ResponseHeadersRead` GET. The bytes are made up as they are read (no files). Client and raw alternate, {repeats} times each; the throughput is the median, the memory growth is the highest `GC.GetTotalMemory(false)` sample (every ms) over a collected baseline.",
            lines);
    }

    private Section? _concurrency;

    public void Concurrency(Measured.Burst burst)
    {
        var ratio = burst.ExpiredMs / burst.ValidMs;
        var exactlyOne = burst.TokenRequests.All(n => n == 1);
        _concurrency = new("concurrency", "256 concurrent `GetNodeAsync` with an expired token",
            $"One `CoreClient` with `PasswordAuth` on a clock the benchmark controls. A burst is 256 `GetNodeAsync` started at once and awaited together; the connections are warm. Each of {burst.Repeats} rounds times a burst with the valid cached token, then moves the clock two hours on (the token expired) and times another burst, counting the token requests the server received during it. Medians.",
            [
                new("token requests per expired burst", string.Join(", ", burst.TokenRequests.Distinct().Select(n => n.ToString(CultureInfo.InvariantCulture))), "", null, "exactly 1", exactlyOne),
                new("burst time (median): expired / valid token", $"{burst.ExpiredMs:0.0} ms", $"{burst.ValidMs:0.0} ms (valid)", ratio, "≤ 1.15", ratio <= 1.15),
            ]);
    }

    private Section? _builds;

    public void Builds(List<BuildTimes.Run> runs)
    {
        var lines = runs.Select(r => new Line(r.What, $"{r.Seconds:0.0} s", r.RanNSwag ? "NSwag ran" : r.ReportedSkipped ? "NSwag skipped" : "no NSwag output", null,
            r.What.StartsWith("no-op", StringComparison.Ordinal) ? "NSwag does not run" : "reported",
            !r.Succeeded ? false : r.What.StartsWith("no-op", StringComparison.Ordinal) ? !r.RanNSwag : null)).ToList();
        _builds = new("build", "Build: no-op rebuild, and rebuild after touching one spec",
            "`dotnet build src/FlameHub.Generated -c Release` (both target frameworks), timed from the outside: twice with nothing changed, then after setting the modification time of `specs/core.json` to now (content unchanged). The normalize step reruns on the touched spec; NSwag runs only for a service whose normalized document changed. The client and raw columns here are the time and what the build said about NSwag.",
            lines);
    }

    private List<Section> Sections()
    {
        var all = new List<Section>();
        void Call(string key, string title, string text, string name, double timeGoal, double? bytesGoal)
        {
            _sections.RemoveAll(s => s.Key == key);
            CallSection(key, title, text, name, timeGoal, bytesGoal);
        }
        Call("get", "`GetNodeAsync`: one entity, warm token",
            "`core.GetNodeAsync(id)` with the default includes (`include=registry,registry_project`) against a raw GET of the same URL with the same bearer token and `Accept`. BenchmarkDotNet, in process; allocations are the client process's only (the server is another process).",
            "GetNode", 1.10, 1.5);
        Call("find", "`FindNodesAsync`: 50 nodes with `registry` included",
            $"`core.FindNodesAsync(new FindOptions {{ Include = {{ \"registry\" }} }})` (the options built per call, as callers do) against a raw `GET nodes?include=registry` read into a list envelope. The page is 50 copies of the recorded node with its registry, {Payloads.PageData.Length / 1024.0:0.0} KiB.",
            "FindNodes", 1.10, 1.3);
        Call("list", "`ListAllNodesAsync` over 10,000 nodes (200 pages)",
            "`await foreach` over `core.ListAllNodesAsync(new FindOptions { Include = { \"registry\" } })` against a raw loop over `page[offset]` with the same query, each reading 200 pages of 50. Time per complete listing. Memory: a full collection at every page boundary while listing 2,000 and then 10,000 nodes (the caller keeps none); the peak of the live managed heap, and in brackets its growth over the heap before the first page. If the pages were kept, 8,000 more nodes would add several MiB.",
            "ListAllNodes", 1.10, null);
        all.AddRange(_sections);
        var list = all.FirstOrDefault(s => s.Key == "list");
        if (list is not null && _memory.Length == 4)
        {
            string Both(Measured.Peak p) => $"{Bytes(p.Live)} (+{Bytes(p.Growth)})";
            var growth = (double)_memory[2].Live / _memory[0].Live;
            list.Lines.Add(new("peak live managed heap (+ growth), 2,000 nodes (40 pages)", Both(_memory[0]), Both(_memory[1]), null, "", null));
            list.Lines.Add(new("peak live managed heap (+ growth), 10,000 nodes (200 pages)", Both(_memory[2]), Both(_memory[3]), null, "", null));
            list.Lines.Add(new("peak live managed heap, 10,000 / 2,000 nodes", $"{growth:0.00}x", $"{(double)_memory[3].Live / _memory[1].Live:0.00}x", null, "client ≤ 1.20x", growth <= 1.2));
        }
        if (_transfers is not null) all.Add(_transfers);
        if (_concurrency is not null) all.Add(_concurrency);
        if (_builds is not null) all.Add(_builds);
        return all;
    }

    public string ToMarkdown()
    {
        var sections = Sections();
        var md = new StringBuilder();
        md.AppendLine("# Benchmarks");
        md.AppendLine();
        md.AppendLine("<!-- Generated by ./build.sh bench (tests/FlameHub.Generated.Benchmarks); do not edit by hand. -->");
        md.AppendLine();
        md.AppendLine("What the client costs next to the network, measured side by side against the floor: a hand-written `HttpClient` + Newtonsoft.Json call doing the same request on the same loopback server in the same run. The server is Kestrel in a child process on 127.0.0.1 answering with the recorded Hub 0.8.13 payload shapes; larger lists repeat the recorded node. The raw baseline buffers each JSON answer (`SendAsync` default) and deserializes from the buffered stream with the clients' serializer settings, into the same generated types.");
        md.AppendLine();
        md.AppendLine($"- Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine($"- Machine: {Program.Machine()}");
        md.AppendLine($"- Whole run (`./build.sh bench` after its build step): {Elapsed.TotalMinutes:0.0} min");
        if (quick) md.AppendLine("- **Quick run** (`--quick`): fewer iterations and smaller transfers than the real run; not the published numbers.");
        md.AppendLine();
        md.AppendLine("Times are judged on the interleaved measurement: blocks of calls in the order client, raw, raw, client, repeated, medians over the blocks. BenchmarkDotNet's medians are in the tables too, but it runs all of one variant before the other, and on a small shared machine the load changes over those seconds (see the load average above) by more than the 10 % being judged. Allocations per call come from BenchmarkDotNet's memory diagnoser; they do not depend on load.");
        md.AppendLine();
        md.AppendLine("## Summary");
        md.AppendLine();
        md.AppendLine("| scenario | measure | ratio (client / raw) | goal | met |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var section in sections)
        {
            foreach (var line in section.Lines.Where(l => l.Met is not null))
            {
                md.AppendLine($"| {section.Title} | {line.Measure} | {Ratio(line)} | {line.Goal} | {Met(line.Met)} |");
            }
        }
        foreach (var section in sections)
        {
            md.AppendLine();
            md.AppendLine($"## {section.Title}");
            md.AppendLine();
            md.AppendLine(section.Text);
            md.AppendLine();
            md.AppendLine("| measure | client | raw | ratio | goal | met |");
            md.AppendLine("|---|---|---|---|---|---|");
            foreach (var line in section.Lines)
            {
                md.AppendLine($"| {line.Measure} | {line.Client} | {line.Raw} | {Ratio(line)} | {line.Goal} | {Met(line.Met)} |");
            }
            if (section.Key == "get" && LayerTable() is { Length: > 0 } layers)
            {
                md.AppendLine();
                md.AppendLine(layers);
            }
            if (Explanations.For(section.Key) is { } note)
            {
                md.AppendLine();
                md.AppendLine(note);
            }
            var missed = section.Lines.Where(l => l.Met == false).ToList();
            if (missed.Count > 0 && Explanations.Miss(section.Key) is { } why)
            {
                md.AppendLine();
                md.AppendLine($"**Missed: {string.Join("; ", missed.Select(l => $"{l.Measure} {Ratio(l)} (goal {l.Goal})"))}.** {why}");
            }
        }
        md.AppendLine();
        md.AppendLine("## How to run");
        md.AppendLine();
        md.AppendLine("`./build.sh bench` (or `./build.ps1 bench`) builds `tests/FlameHub.Generated.Benchmarks` in Release, runs every scenario and rewrites this file. `./build.sh bench --quick` is a shorter run for trying a change; `./build.sh test` never runs the benchmarks (the project is not a test project).");
        return md.ToString();
    }

    public string Summary()
    {
        var text = new StringBuilder();
        foreach (var section in Sections())
        {
            foreach (var line in section.Lines.Where(l => l.Met is not null))
            {
                text.AppendLine($"  {(line.Met == true ? "met   " : "MISSED")} {section.Key,-12} {line.Measure,-50} {Ratio(line),-8} client {line.Client}, raw {line.Raw} (goal {line.Goal})");
            }
        }
        return text.ToString();
    }

    private static string Ratio(Line line) => line.Ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : line.Client.EndsWith('x') ? line.Client : "";

    private static string Met(bool? met) => met switch { true => "yes", false => "**no**", null => "" };

    private static string Time(double ns) => ns switch
    {
        >= 1e9 => $"{ns / 1e9:0.00} s",
        >= 1e6 => $"{ns / 1e6:0.00} ms",
        >= 1e3 => $"{ns / 1e3:0.0} µs",
        _ => $"{ns:0} ns",
    };

    private static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 20 => $"{bytes / 1048576.0:0.0} MiB",
        >= 1L << 10 => $"{bytes / 1024.0:0.0} KiB",
        _ => $"{bytes} B",
    };
}
