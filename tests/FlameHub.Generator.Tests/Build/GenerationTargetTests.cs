using System.Text.Json.Nodes;

namespace FlameHub.Generator.Tests.Build;

/// <summary>
/// The MSBuild generation step (generator/GenerateClients.targets) run on its own against a
/// copy of specs/ in a temporary folder, so the checkout's build is not disturbed.
/// </summary>
[NonParallelizable]
public class GenerationTargetTests
{
    private string _work = null!;

    [SetUp]
    public void CopySpecs()
    {
        _work = Path.Combine(Path.GetTempPath(), "flamehub-gen-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_work, "specs"));
        foreach (var file in Directory.GetFiles(RepositoryPaths.Specs)) File.Copy(file, Path.Combine(_work, "specs", Path.GetFileName(file)));
    }

    [TearDown]
    public void Remove() => Directory.Delete(_work, recursive: true);

    [Test]
    public async Task Generates_once_skips_when_nothing_changed_and_regenerates_only_the_changed_service()
    {
        var first = await GenerateAsync();
        Assert.That(first.ExitCode, Is.Zero, first.Output);
        Assert.That(Generated(first.Output), Is.EquivalentTo(new[] { "AuthClient", "CoreClient", "StorageClient" }));

        var second = await GenerateAsync();
        Assert.That(second.ExitCode, Is.Zero, second.Output);
        Assert.That(Generated(second.Output), Is.Empty);
        Assert.That(second.Output, Does.Contain("CoreClient.g.cs is up to date, NSwag skipped"));
        Assert.That(second.Output, Does.Not.Contain("normalize:"), "the normalizer does not run when no spec changed");

        var core = Path.Combine(_work, "specs", "core.json");
        var document = JsonNode.Parse(await File.ReadAllTextAsync(core))!;
        document["definitions"]!["Node"]!["properties"]!["name"]!["description"] = "The node's name.";
        await File.WriteAllTextAsync(core, document.ToJsonString());

        var third = await GenerateAsync();
        Assert.That(third.ExitCode, Is.Zero, third.Output);
        Assert.That(Generated(third.Output), Is.EquivalentTo(new[] { "CoreClient" }));
        Assert.That(await File.ReadAllTextAsync(Path.Combine(_work, "generated", "CoreClient.g.cs")), Does.Contain("The node's name."));
    }

    [Test]
    public async Task A_failing_NSwag_shows_its_own_error_text()
    {
        var nswag = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "nswag.json")))!;
        nswag["codeGenerators"]!["openApiToCSharpClient"]!["templateDirectory"] = "no-such-templates";
        var config = Path.Combine(_work, "nswag.json");
        await File.WriteAllTextAsync(config, nswag.ToJsonString());

        var result = await GenerateAsync($"-p:FlameHubNSwagConfig={config}");

        Assert.That(result.ExitCode, Is.Not.Zero);
        Assert.That(result.Output, Does.Contain("NSwag failed for"));
        Assert.That(result.Output, Does.Contain("no-such-templates\" does not exist"), "NSwag's own message reaches the build log");
    }

    private static IEnumerable<string> Generated(string output) =>
        output.Split('\n').Where(l => l.Contains("FlameHub: NSwag generates", StringComparison.Ordinal))
            .Select(l => Path.GetFileName(l.Trim()).Replace(".g.cs", "", StringComparison.Ordinal));

    private async Task<(int ExitCode, string Output)> GenerateAsync(params string[] extra)
    {
        string[] arguments =
        [
            "msbuild", Path.Combine(RepositoryPaths.Root, "src", "FlameHub.Generated", "FlameHub.Generated.csproj"),
            "-t:FlameHubGenerateClients", "-nologo", "-v:m", "-nodeReuse:false",
            "-p:FlameHubGenerationPass=true",
            "-p:Configuration=Release",
            $"-p:FlameHubSpecsDir={_work}/specs/",
            $"-p:FlameHubOpenApiDir={_work}/openapi/",
            $"-p:FlameHubGeneratedDir={_work}/generated/",
            .. extra,
        ];
        var (exitCode, output, error) = await ProcessRunner.RunAsync("dotnet", arguments, RepositoryPaths.Root);
        return (exitCode, output + error);
    }
}
