namespace FlameHub.Generator.Tests.Readiness;

/// <summary>
/// Builds the library from given specs and quirks in a temporary folder, as the checkout builds
/// it (a copy of src/FlameHub.Generated under the repository's Directory.Build.props), and a
/// console program of user code against it. The checkout's own build is not touched.
/// </summary>
internal sealed class ScratchBuild(string root)
{
    public string Root { get; } = root;

    /// <summary>Builds the program and returns the path of its dll.</summary>
    public async Task<string> BuildProgramAsync(string specs, string quirks, string program)
    {
        CopyLibrary(Path.Combine(RepositoryPaths.Root, "src", "FlameHub.Generated"), Path.Combine(Root, "lib"));
        await File.WriteAllTextAsync(Path.Combine(Root, "Directory.Build.props"), $"""
            <Project>
              <Import Project="{Path.Combine(RepositoryPaths.Root, "Directory.Build.props")}" />
            </Project>
            """);
        var app = Directory.CreateDirectory(Path.Combine(Root, "app")).FullName;
        await File.WriteAllTextAsync(Path.Combine(app, "App.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="../lib/FlameHub.Generated.csproj" />
              </ItemGroup>
            </Project>
            """);
        File.Copy(program, Path.Combine(app, "Program.cs"));

        var (exitCode, output, error) = await ProcessRunner.RunAsync("dotnet",
        [
            "build", Path.Combine(app, "App.csproj"), "-c", "Release", "-nologo", "-v:m", "-nodeReuse:false",
            $"-p:FlameHubSpecsDir={specs}/", $"-p:FlameHubQuirksDir={quirks}/",
            // The listing describes the checkout's API, not a variant's; one framework is enough to run.
            "-p:FlameHubPublicApiCheck=false", "-p:TargetFrameworks=net10.0",
        ], Root);
        if (exitCode != 0) throw new AssertionException($"the build from {specs} failed:\n{output}\n{error}");
        return Path.Combine(app, "bin", "Release", "net10.0", "App.dll");
    }

    /// <summary>The library project and its hand-written sources, without the checkout's build output.</summary>
    private static void CopyLibrary(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                || relative.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue;
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
