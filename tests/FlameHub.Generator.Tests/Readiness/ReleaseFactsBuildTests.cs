using System.Text.Json.Nodes;
using FlameHub.Generator.Import;

namespace FlameHub.Generator.Tests.Readiness;

/// <summary>
/// A test-only second release, built as the checkout builds the library: today's documents with auth's
/// robot paths removed, quirks saying core and storage refuse Basic credentials (as Hub 0.14.0's do,
/// exchange 69) and Hub 0.14.0's filters.json. Its package has no RobotAuth, no BasicAuth and no robot
/// operations, and its filters speak rapiq 2: user code calling Filter.EndsWith and Filter.Contains
/// compiles against it and sends what the 0.14.0 exchanges show.
/// </summary>
[NonParallelizable]
public class ReleaseFactsBuildTests
{
    private string _work = null!;

    [SetUp]
    public void CreateWork() => _work = Directory.CreateTempSubdirectory("flamehub-facts-build-").FullName;

    [TearDown]
    public void RemoveWork() => Directory.Delete(_work, recursive: true);

    [Test, CancelAfter(900_000)]
    public async Task A_release_without_robots_or_Basic_and_with_rapiq_2_gets_a_package_to_match()
    {
        var (specs, quirks) = await WriteReleaseAsync();

        var program = await new ScratchBuild(Path.Combine(_work, "build")).BuildProgramAsync(
            specs, quirks, Path.Combine(AppContext.BaseDirectory, "Readiness", "UserCode", "Rapiq2Program.cs"));
        var (exitCode, output, error) = await ProcessRunner.RunAsync("dotnet", [program]);

        Assert.That(exitCode, Is.Zero, output + error);
        Assert.That(output.ReplaceLineEndings("\n"), Is.EqualTo("""
            RobotAuth absent
            BasicAuth absent
            robot operations 0
            robot grant absent
            starts with node~
            ends with ~_create
            contains ~bucket~
            not starts with !node~
            not ends with !~_create
            not contains !~bucket~
            equality node~ refused
            equality ~node refused
            starts with ~a refused
            equality a~b accepted
            sent ?filter[name]=node~
            sent ?filter[name]=~bucket~

            """));
    }

    private async Task<(string Specs, string Quirks)> WriteReleaseAsync()
    {
        var specs = Directory.CreateDirectory(Path.Combine(_work, "specs")).FullName;
        foreach (var file in Directory.GetFiles(RepositoryPaths.Specs)) File.Copy(file, Path.Combine(specs, Path.GetFileName(file)));
        var auth = await ReadAsync(Path.Combine(specs, "auth.json"));
        var paths = (JsonObject)auth["paths"]!;
        foreach (var path in paths.Select(p => p.Key).Where(p => p.StartsWith("/robot", StringComparison.Ordinal)).ToList()) paths.Remove(path);
        await File.WriteAllTextAsync(Path.Combine(specs, "auth.json"), auth.ToJsonString());
        var release = await ReadAsync(Path.Combine(specs, SpecImporter.ReleaseFileName));
        release["hub"] = "0.14.0";
        await File.WriteAllTextAsync(Path.Combine(specs, SpecImporter.ReleaseFileName), release.ToJsonString());

        var quirks = Path.Combine(_work, "quirks");
        var folder = Directory.CreateDirectory(Path.Combine(quirks, "hub-0.14.0")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Quirks, "hub-0.8.13"), "*.overlay.json"))
        {
            var overlay = await ReadAsync(file);
            // Without robot paths the documents have no Robot type (role naming drops what nothing uses), so neither have its quirks.
            var actions = (JsonArray)overlay["actions"]!;
            foreach (var robotQuirk in actions.Where(a => a!["target"]!.GetValue<string>().Contains(".Robot", StringComparison.Ordinal)).ToList()) actions.Remove(robotQuirk);
            if (Path.GetFileName(file) is "core.overlay.json" or "storage.overlay.json")
            {
                ((JsonArray)overlay["actions"]!).Add(new JsonObject
                {
                    ["description"] = "Basic credentials answer 500 'Only Bearer tokens are accepted' (hub-0.14.0 exchange 69).",
                    ["target"] = "$.info",
                    ["update"] = new JsonObject { ["x-flamehub-basic-auth"] = false },
                });
            }
            await File.WriteAllTextAsync(Path.Combine(folder, Path.GetFileName(file)), overlay.ToJsonString());
        }
        File.Copy(Path.Combine(RepositoryPaths.Quirks, "hub-0.14.0", "filters.json"), Path.Combine(folder, "filters.json"));
        return (specs, quirks);
    }

    private static async Task<JsonObject> ReadAsync(string path) => (JsonObject)JsonNode.Parse(await File.ReadAllTextAsync(path))!;
}
