namespace FlameHub.Generator.Tests.Build;

/// <summary>
/// FakeHub's API check (generator/PublicApi.targets, imported by src/FlameHub.Generated.Testing with
/// one listing for every Hub release) end to end, on a copy of src/FlameHub.Generated.Testing in a
/// temporary folder built against the checkout's library (already built: the copy does not build it
/// again): an unreviewed public member fails the build, the update writes it into the listing, a
/// listed member that is gone fails the build, and the update gives back the same bytes. The
/// checkout's listing and build are not touched.
/// </summary>
[NonParallelizable]
public sealed class TestingPublicApiCheckTests
{
    private const string Probe = """
        namespace FlameHub.Testing;

        /// <summary>Not part of FakeHub: added by the API check test.</summary>
        public static class ApiProbe
        {
            /// <summary>A new public member.</summary>
            public static int Answer() => 42;
        }
        """;

    // The configuration the checkout was built in: this assembly's (bin/<configuration>/<tfm>/).
    private static readonly string Configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    private string _work = null!;
    private string _testing = null!;

    [SetUp]
    public void CopyTesting()
    {
        var library = Path.Combine(RepositoryPaths.Root, "src", "FlameHub.Generated");
        foreach (var built in new[]
        {
            Path.Combine(library, "bin", "hub-0.8.13", Configuration, "net8.0", "FlameHub.Generated.dll"),
            Path.Combine(library, "bin", "hub-0.8.13", Configuration, "net10.0", "FlameHub.Generated.dll"),
            Path.Combine(library, "obj", "hub-0.8.13", "openapi", "core.openapi.json"),
        })
        {
            Assert.That(built, Does.Exist, $"build the solution ({Configuration}, Hub 0.8.13) before this test: it compiles FakeHub against the checkout's library");
        }

        _work = Directory.CreateTempSubdirectory("flamehub-testing-api-").FullName;
        _testing = Path.Combine(_work, "testing");
        var source = Path.Combine(RepositoryPaths.Root, "src", "FlameHub.Generated.Testing");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                || relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue;
            var target = Path.Combine(_testing, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        File.WriteAllText(Path.Combine(_work, "Directory.Build.props"), $"""
            <Project>
              <Import Project="{Path.Combine(RepositoryPaths.Root, "Directory.Build.props")}" />
            </Project>
            """);
    }

    [TearDown]
    public void Remove()
    {
        if (_work is not null) Directory.Delete(_work, recursive: true);
    }

    private string Unshipped => Path.Combine(_testing, "PublicAPI", "PublicAPI.Unshipped.txt");

    [Test, CancelAfter(600_000)]
    public async Task An_unreviewed_member_fails_the_build_until_the_update_writes_it_and_the_update_gives_the_same_bytes_back()
    {
        var committed = await File.ReadAllTextAsync(Unshipped);
        Assert.That(committed, Does.Contain("FlameHub.Testing.FakeHub.Admin.get -> FlameHub.IHubCredential!"), "the copy has the checkout's listing");

        var unchanged = await BuildAsync();
        Assert.That(unchanged.ExitCode, Is.Zero, "the committed listing matches the code: " + unchanged.Output);

        await File.WriteAllTextAsync(Path.Combine(_testing, "ApiProbe.cs"), Probe);
        var unreviewed = await BuildAsync();
        Assert.That(unreviewed.ExitCode, Is.Not.Zero, unreviewed.Output);
        Assert.That(ApiCheckOutput.Errors(unreviewed.Output), Is.EquivalentTo(new[]
        {
            "RS0016 FlameHub.Testing.ApiProbe net8.0", "RS0016 static FlameHub.Testing.ApiProbe.Answer() -> int net8.0",
            "RS0016 FlameHub.Testing.ApiProbe net10.0", "RS0016 static FlameHub.Testing.ApiProbe.Answer() -> int net10.0",
        }), "both frameworks report the new symbols, and nothing else differs from the listing");

        var update = await BuildAsync("-p:FlameHubUpdatePublicApi=true");
        Assert.That(update.ExitCode, Is.Zero, update.Output);
        Assert.That(update.Output, Does.Contain("public-api: PublicAPI.Unshipped.txt updated (+2 -0)"));
        Assert.That(ApiCheckOutput.Added(committed, await File.ReadAllTextAsync(Unshipped)),
            Is.EqualTo(new[] { "FlameHub.Testing.ApiProbe", "static FlameHub.Testing.ApiProbe.Answer() -> int" }));
        Assert.That(Directory.GetDirectories(Path.Combine(_testing, "PublicAPI")), Is.Empty, "one listing for every release and framework, no per-release or per-framework folder");

        File.Delete(Path.Combine(_testing, "ApiProbe.cs"));
        var gone = await BuildAsync();
        Assert.That(gone.ExitCode, Is.Not.Zero, gone.Output);
        Assert.That(ApiCheckOutput.Errors(gone.Output), Has.Length.EqualTo(4).And.All.StartsWith("RS0017 "), gone.Output);

        var restore = await BuildAsync("-p:FlameHubUpdatePublicApi=true");
        Assert.That(restore.ExitCode, Is.Zero, restore.Output);
        Assert.That(await File.ReadAllTextAsync(Unshipped), Is.EqualTo(committed), "the same API gives the same bytes");
    }

    // The checkout's library is referenced, not built, and not restored (its obj folder stays as it is).
    private async Task<(int ExitCode, string Output)> BuildAsync(params string[] extra)
    {
        var (exitCode, output, error) = await ProcessRunner.RunAsync("dotnet",
            ["build", Path.Combine(_testing, "FlameHub.Generated.Testing.csproj"), "-c", Configuration, "-nologo", "-v:m", "-nodeReuse:false",
                "-p:BuildProjectReferences=false", "-p:RestoreRecursive=false", .. extra], _work);
        return (exitCode, output + error);
    }
}
