using System.Diagnostics;

namespace FlameHub.Generated.Benchmarks;

/// <summary>Times <c>dotnet build src/FlameHub.Generated -c Release</c>: with nothing changed, and after touching one spec.</summary>
public static class BuildTimes
{
    public sealed record Run(string What, double Seconds, bool RanNSwag, bool ReportedSkipped, bool Succeeded);

    public static List<Run> Measure(string repoRoot)
    {
        var runs = new List<Run>();
        // The first build after the benchmark project's own build may still restore or compile; it is not counted.
        Build(repoRoot, "settle");
        runs.Add(Build(repoRoot, "no-op rebuild"));
        runs.Add(Build(repoRoot, "no-op rebuild (again)"));
        var spec = Path.Combine(repoRoot, "specs", "hub-0.8.13", "core.json");
        // Only the timestamp: the content stays as committed.
        File.SetLastWriteTimeUtc(spec, DateTime.UtcNow);
        runs.Add(Build(repoRoot, "after touching specs/core.json"));
        return runs;
    }

    private static Run Build(string repoRoot, string what)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = repoRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "build", "src/FlameHub.Generated", "-c", "Release", "-nologo", "-tl:off" }) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        output += error.Result;
        if (process.ExitCode != 0) Console.Error.WriteLine(output);
        return new Run(what, seconds,
            RanNSwag: output.Contains("NSwag generates", StringComparison.Ordinal),
            ReportedSkipped: output.Contains("NSwag skipped", StringComparison.Ordinal),
            Succeeded: process.ExitCode == 0);
    }
}
