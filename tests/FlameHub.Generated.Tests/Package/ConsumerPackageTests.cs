using FlameHub.Generated.Tests.Quickstart;

namespace FlameHub.Generated.Tests.Package;

/// <summary>
/// The packed .nupkg, not the project reference, works: a throwaway console project outside the
/// solution restores it from artifacts/ and runs quickstart calls against WireMock. The console
/// project targets the framework of this test run, so each run checks the package's own asset
/// for it (lib/net8.0 or lib/net10.0). Every release's run builds the same program against its
/// release's package, with WireMock answering in that release's wire style (its QuickstartStubs):
/// code that uses what every Hub has compiles unchanged against each package.
/// </summary>
public sealed class ConsumerPackageTests
{
    private const string Program = """
        using FlameHub; using FlameHub.Auth; using FlameHub.Core; using FlameHub.Storage;

        var hub = new Uri(args[0]);
        var auth = new PasswordAuth("admin", "start123", new Uri(hub, "auth/"));
        using var authClient = new AuthClient(new Uri(hub, "auth/"), auth);
        using var core = new CoreClient(new Uri(hub, "core/"), auth);
        using var storage = new StorageClient(new Uri(hub, "storage/"), auth);
        var asset = typeof(AuthClient).Assembly.GetCustomAttributes(typeof(System.Runtime.Versioning.TargetFrameworkAttribute), false)
            .Cast<System.Runtime.Versioning.TargetFrameworkAttribute>().Single().FrameworkName;
        Console.WriteLine($"asset={asset}");

        var master = (await authClient.FindRealmsAsync(new FindOptions { Filter = { ["name"] = "master" } })).Single();
        var node = await core.CreateNodeAsync(new CreateNode { Name = "my-node", RealmId = master.Id });
        await core.UpdateNodeAsync(node.Id, new UpdateNode { Hidden = true, ExternalName = null });
        Node? same = await core.GetNodeAsync(node.Id);
        Node? none = await core.GetNodeAsync(Guid.NewGuid());
        User admin = (await authClient.FindUsersAsync(new FindOptions { Filter = { ["name"] = "admin" } })).Single();
        Console.WriteLine($"master={master.Name} hidden={same!.Hidden} external={same.ExternalName ?? "null"} none={(none is null ? "null" : "found")} realm={admin.Realm!.Name} field={NodeFields.RealmId}");

        // The public entry points for hosts: the chain as one handler, the call settings for a caller's HttpClient, the trace source name.
        var http = new HttpClient(HubHttpPipeline.CreateHandler(new HubClientOptions { Credential = auth })) { BaseAddress = new Uri(hub, "core/") };
        using var hosted = new CoreClient(http, new HubClientOptions { Timeout = TimeSpan.FromSeconds(30) });
        Node? again = await hosted.GetNodeAsync(node.Id);
        Console.WriteLine($"hosted={again!.Hidden} extra={again.AdditionalProperties.Count} source={FlameHubDiagnostics.ActivitySourceName}");
        """;

    [Test, CancelAfter(300_000)]
    public async Task A_console_project_using_the_packed_nupkg_runs_the_quickstart_calls(CancellationToken cancellationToken)
    {
        var artifacts = Path.Combine(RepositoryPaths.Root, "artifacts");
        var package = Directory.Exists(artifacts) ? Directory.GetFiles(artifacts, $"FlameHub.Generated.{RepositoryPaths.HubRelease}-hub.*.nupkg").SingleOrDefault() : null;
        Assert.That(package, Is.Not.Null, $"No package for Hub {RepositoryPaths.HubRelease} in artifacts/: run './build.sh test', which packs before testing.");
        var version = Path.GetFileNameWithoutExtension(package!)["FlameHub.Generated.".Length..];

        await WireMockFixture.Server.ResetAsync(cancellationToken);
        await QuickstartStubs.AddAsync(WireMockFixture.Server);

        var project = Directory.CreateTempSubdirectory("flamehub-consumer-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(project.FullName, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>{TestFramework.Moniker}</TargetFramework>
                    <!-- The SDK brings only the .NET 10 runtime: a net8.0 program runs on it where .NET 8 is not installed.
                         What runs here is the package's net8.0 assembly; this suite's net8.0 run tests it on .NET 8 itself. -->
                    <RollForward>Major</RollForward>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <!-- Its own package folder: a re-packed build of the same version must not come from the global cache. -->
                    <RestorePackagesPath>{Path.Combine(project.FullName, "packages")}</RestorePackagesPath>
                    <NoWarn>$(NoWarn);NU1603</NoWarn>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="FlameHub.Generated" Version="{version}" />
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
            await File.WriteAllTextAsync(Path.Combine(project.FullName, "Program.cs"), Program, cancellationToken);
            // Outside the checkout, so the repository's Directory.Build.props does not apply.
            var (exit, output) = await DotnetCommand.RunAsync(project.FullName, cancellationToken, "run", "--", WireMockFixture.Server.BaseUrl.ToString());

            Assert.That(exit, Is.Zero, output);
            // The field's wire name is the release's (realm_id on 0.8.13, realmId on 0.14.0).
            Assert.That(output, Does.Contain($"master=master hidden=True external=null none=null realm=master field={QuickstartStubs.RealmIdField}"));
            Assert.That(output, Does.Contain("hosted=True extra=0 source=FlameHub"));
            Assert.That(output, Does.Contain($"asset={TestFramework.Built}"), "the package's assembly for this framework was used");
            var requests = await WireMockFixture.Server.RequestsAsync(cancellationToken);
            Assert.That(requests.Count(r => (string?)r["url"] == "/auth/token"), Is.EqualTo(1));
        }
        finally
        {
            project.Delete(recursive: true);
        }
    }
}
