using FlameHub.Generated.Tests;
using FlameHub.Testing;

namespace FlameHub.Generated.Testing.Tests;

/// <summary>
/// The packed FlameHub.Generated.Testing, not the project reference, works: a throwaway NUnit
/// project outside the checkout restores it (and the library it depends on) from artifacts/ and
/// runs a user's tests against FakeHub: this project's UserStoryTests.cs (create nodes, page
/// through them with a filter, update with an explicit null, upload and download a file, an
/// injected 503 retried) and the README's examples, as files of the user's own project.
/// </summary>
public sealed class ConsumerPackageTests
{
    [Test, CancelAfter(420_000)]
    public async Task A_users_test_project_restoring_both_packages_from_artifacts_passes_against_FakeHub(CancellationToken cancellationToken)
    {
        var root = RepositoryPaths.Root;
        var release = RepositoryPaths.HubRelease;
        var artifacts = Path.Combine(root, "artifacts");
        var package = Directory.Exists(artifacts) ? Directory.GetFiles(artifacts, $"FlameHub.Generated.Testing.{release}-hub.*.nupkg").SingleOrDefault() : null;
        Assert.That(package, Is.Not.Null, $"No FlameHub.Generated.Testing package for Hub {release} in artifacts/: run './build.sh test', which packs before testing.");
        var version = Path.GetFileNameWithoutExtension(package!)["FlameHub.Generated.Testing.".Length..];

        var project = Directory.CreateTempSubdirectory("flamehub-fake-consumer-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(project.FullName, "Consumer.Tests.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <IsTestProject>true</IsTestProject>
                    <!-- Its own package folder: a re-packed build of the same version must not come from the global cache. -->
                    <RestorePackagesPath>{Path.Combine(project.FullName, "packages")}</RestorePackagesPath>
                    <NoWarn>$(NoWarn);NU1603</NoWarn>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="FlameHub.Generated.Testing" Version="{version}" />
                    <PackageReference Include="Microsoft.NET.Test.Sdk" Version="18.11.0" />
                    <PackageReference Include="NUnit" Version="4.6.1" />
                    <PackageReference Include="NUnit3TestAdapter" Version="6.3.1" />
                    <Using Include="NUnit.Framework" />
                  </ItemGroup>
                </Project>
                """, cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(project.FullName, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="artifacts" value="{artifacts}" />
                  </packageSources>
                </configuration>
                """, cancellationToken);
            var sources = Path.Combine(root, "tests", "FlameHub.Generated.Testing.Tests");
            var tests = 0;
            foreach (var file in new[] { "UserStoryTests.cs", "ReadmeExample.cs", "ReadmeStorageExample.cs" })
            {
                File.Copy(Path.Combine(sources, file), Path.Combine(project.FullName, file));
                tests += (await File.ReadAllLinesAsync(Path.Combine(sources, file), cancellationToken)).Count(l => l.TrimStart().StartsWith("[Test", StringComparison.Ordinal));
            }

            var (exit, output) = await DotnetCommand.RunAsync(project.FullName, cancellationToken, "test", "-c", "Release");

            Assert.That(exit, Is.Zero, output);
            // The packed package, so a run that did not pack first ('./build.sh test' does) tests the last package packed.
            Assert.That(output, Does.Contain($"Failed:     0, Passed: {tests,5},"), output);
        }
        finally
        {
            project.Delete(recursive: true);
        }
    }
}
