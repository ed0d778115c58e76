namespace FlameHub.Generator.Tests.Build;

/// <summary>
/// The library's API check (generator/PublicApi.targets) end to end, on a copy of
/// src/FlameHub.Generated in a temporary folder: an unreviewed public symbol fails the build, the
/// update writes it into the listing, a symbol that is gone fails the build the other way, and
/// the update is deterministic and idempotent. The checkout's listing and build are not touched.
/// </summary>
[NonParallelizable]
public sealed class PublicApiCheckTests
{
    private const string Probe = """
        namespace FlameHub;

        /// <summary>Not part of the library: added by the API check test.</summary>
        public static class ApiProbe
        {
            /// <summary>A new public member.</summary>
            public static int Answer() => 42;
        }
        """;

    private string _work = null!;
    private string _library = null!;

    [SetUp]
    public void CopyLibrary()
    {
        _work = Directory.CreateTempSubdirectory("flamehub-api-").FullName;
        _library = Path.Combine(_work, "lib");
        var source = Path.Combine(RepositoryPaths.Root, "src", "FlameHub.Generated");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            var generated = relative.StartsWith(Path.Combine("obj", "hub-0.8.13", "generated"), StringComparison.Ordinal)
                || relative.StartsWith(Path.Combine("obj", "hub-0.8.13", "openapi"), StringComparison.Ordinal);
            if (!generated && (relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                || relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))) continue;
            var target = Path.Combine(_library, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
            // The checkout's generated clients, newer than their inputs: the copy compiles them without running NSwag.
            if (generated) File.SetLastWriteTimeUtc(target, DateTime.UtcNow);
        }
        File.WriteAllText(Path.Combine(_work, "Directory.Build.props"), $"""
            <Project>
              <Import Project="{Path.Combine(RepositoryPaths.Root, "Directory.Build.props")}" />
            </Project>
            """);
    }

    [TearDown]
    public void Remove() => Directory.Delete(_work, recursive: true);

    private string Unshipped => Path.Combine(_library, "PublicAPI", "hub-0.8.13", "PublicAPI.Unshipped.txt");

    [Test, CancelAfter(600_000)]
    public async Task An_unreviewed_change_fails_the_build_until_the_update_writes_it_and_the_update_is_idempotent()
    {
        var committed = await File.ReadAllTextAsync(Unshipped);
        await File.WriteAllTextAsync(Path.Combine(_library, "ApiProbe.cs"), Probe);

        var unreviewed = await BuildAsync();
        Assert.That(unreviewed.ExitCode, Is.Not.Zero, unreviewed.Output);
        Assert.That(ApiCheckOutput.Errors(unreviewed.Output), Is.EquivalentTo(new[]
        {
            "RS0016 FlameHub.ApiProbe net8.0", "RS0016 static FlameHub.ApiProbe.Answer() -> int net8.0",
            "RS0016 FlameHub.ApiProbe net10.0", "RS0016 static FlameHub.ApiProbe.Answer() -> int net10.0",
        }), "both frameworks report the new symbols, and nothing else differs from the listing");

        var update = await BuildAsync("-p:FlameHubUpdatePublicApi=true");
        Assert.That(update.ExitCode, Is.Zero, update.Output);
        Assert.That(update.Output, Does.Contain("public-api: PublicAPI.Unshipped.txt updated (+2 -0)"));
        var updated = await File.ReadAllTextAsync(Unshipped);
        Assert.That(ApiCheckOutput.Added(committed, updated), Is.EqualTo(new[] { "FlameHub.ApiProbe", "static FlameHub.ApiProbe.Answer() -> int" }));
        Assert.That(updated.Split('\n').Skip(1).Where(l => l.Length > 0), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));

        File.Delete(Path.Combine(_library, "ApiProbe.cs"));
        var gone = await BuildAsync();
        Assert.That(gone.ExitCode, Is.Not.Zero, gone.Output);
        Assert.That(ApiCheckOutput.Errors(gone.Output).Distinct().Count(e => e.StartsWith("RS0017 ", StringComparison.Ordinal)), Is.EqualTo(4));
        Assert.That(ApiCheckOutput.Errors(gone.Output).All(e => e.StartsWith("RS0017 ", StringComparison.Ordinal)), gone.Output);

        var restore = await BuildAsync("-p:FlameHubUpdatePublicApi=true");
        Assert.That(restore.ExitCode, Is.Zero, restore.Output);
        Assert.That(await File.ReadAllTextAsync(Unshipped), Is.EqualTo(committed), "the same API gives the same bytes");

        var again = await BuildAsync("-p:FlameHubUpdatePublicApi=true");
        Assert.That(again.ExitCode, Is.Zero, again.Output);
        Assert.That(again.Output, Does.Contain("public-api: the listing already matches the code, nothing written"));
        Assert.That(await File.ReadAllTextAsync(Unshipped), Is.EqualTo(committed));
    }

    private async Task<(int ExitCode, string Output)> BuildAsync(params string[] extra)
    {
        var (exitCode, output, error) = await ProcessRunner.RunAsync("dotnet",
            ["build", Path.Combine(_library, "FlameHub.Generated.csproj"), "-c", "Release", "-nologo", "-v:m", "-nodeReuse:false", .. extra], _work);
        return (exitCode, output + error);
    }
}
