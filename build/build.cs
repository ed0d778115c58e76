#:property PublishAot=false
#:property TreatWarningsAsErrors=true
// The one implementation behind build.sh and build.ps1, so both offer the same commands.
//   (none)        restore, normalize, generate, build, pack into artifacts/: one package per Hub
//                 release in specs/ (specs/hub-<release>/), FlameHub.Generated.<release>-hub.<N>, and its
//                 FakeHub package beside it, FlameHub.Generated.Testing.<release>-hub.<N>
//   test          build, then run every test (the library's on net8.0 and net10.0, FakeHub's, for every release); one
//                 line per test assembly, release and framework, then "N passed, N failed[, N skipped]" over all
//   import-specs  --from <url-or-file> [--from ...] [--hub-version V] [--authup-version V]
//   update-public-api  after a reviewed API change (or a merge), rewrite src/FlameHub.Generated/PublicAPI/**/PublicAPI.Unshipped.txt
//                 and FakeHub's src/FlameHub.Generated.Testing/PublicAPI/**/PublicAPI.Unshipped.txt (one for every release)
//                 from the public API analyzers' findings (generator/PublicApi.targets)
//   bench         [--quick] build the benchmarks in Release, run every scenario, rewrite docs/benchmarks.md
//   demo          build what it needs, run the README quickstart against an in-process FakeHub (build/demo.cs),
//                 printing each step and each request; with FLAMEHUB_URL (FLAMEHUB_USER, FLAMEHUB_PASSWORD) against that Hub
using System.Diagnostics;
using System.Xml.Linq;

var root = Path.GetFullPath(Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? Directory.GetCurrentDirectory(), ".."));
var command = args.Length > 0 ? args[0] : "build";
var rest = args.Skip(1).ToArray();
const string Configuration = "Release";
var solution = Path.Combine(root, "FlameHub.Generated.sln");
var library = Path.Combine(root, "src/FlameHub.Generated/FlameHub.Generated.csproj");
var libraryTests = Path.Combine(root, "tests/FlameHub.Generated.Tests/FlameHub.Generated.Tests.csproj");
// FakeHub, one package per release like the library's; its build builds that release's library first.
var testing = Path.Combine(root, "src/FlameHub.Generated.Testing/FlameHub.Generated.Testing.csproj");
var testingTests = Path.Combine(root, "tests/FlameHub.Generated.Testing.Tests/FlameHub.Generated.Testing.Tests.csproj");

try
{
    // The solution builds for the default release (Directory.Build.props); each other release builds its library and tests beside it.
    var releases = command is "import-specs" ? [] : HubReleases(Path.Combine(root, "specs"));
    var defaultRelease = DefaultRelease(Path.Combine(root, "Directory.Build.props"));
    var otherReleases = releases.Where(r => r != defaultRelease).ToArray();
    switch (command)
    {
        case "build":
            Require("node", "--version", "Node.js with npm is needed for NSwag's CLI; install Node.js 20 or later.");
            RestoreNpm();
            Step("build", "dotnet", "build", solution, "-c", Configuration, "-nologo");
            foreach (var release in otherReleases)
            {
                Step($"build for Hub {release}", "dotnet", "build", library, "-c", Configuration, "-nologo", $"-p:HubRelease={release}");
                Step($"build FakeHub for Hub {release}", "dotnet", "build", testing, "-c", Configuration, "-nologo", $"-p:HubRelease={release}");
            }
            Pack(releases);
            break;
        case "test":
            Require("node", "--version", "Node.js with npm is needed for NSwag's CLI; install Node.js 20 or later.");
            Require("java", "-version", "Java 17 is needed to run the WireMock server the tests use; install a Java 17 runtime.");
            RestoreNpm();
            Step("build", "dotnet", "build", solution, "-c", Configuration, "-nologo");
            foreach (var release in otherReleases)
            {
                Step($"build for Hub {release}", "dotnet", "build", libraryTests, "-c", Configuration, "-nologo", $"-p:HubRelease={release}");
                // FakeHub's own tests, which build FakeHub for that release.
                Step($"build FakeHub for Hub {release}", "dotnet", "build", testingTests, "-c", Configuration, "-nologo", $"-p:HubRelease={release}");
            }
            // The consumer tests restore the packages themselves, so they are packed first.
            Pack(releases);
            var results = Path.Combine(root, "artifacts", "test-results");
            if (Directory.Exists(results)) Directory.Delete(results, recursive: true);
            // One TRX file per test assembly, release and framework (tests/Directory.Build.props names them).
            var exit = Run("test", "dotnet", "test", solution, "-c", Configuration, "--no-build", "-nologo",
                $"-p:FlameHubTestResults={results}");
            foreach (var release in otherReleases)
            {
                foreach (var (what, project) in new[] { ("test", libraryTests), ("test FakeHub", testingTests) })
                {
                    var code = Run($"{what} for Hub {release}", "dotnet", "test", project, "-c", Configuration, "--no-build", "-nologo",
                        $"-p:HubRelease={release}", $"-p:FlameHubTestResults={results}");
                    if (exit == 0) exit = code;
                }
            }
            Console.WriteLine(Summarize(results));
            return exit;
        case "import-specs":
            Step("build the generator", "dotnet", "build", Path.Combine(root, "generator/FlameHub.Generator"), "-c", Configuration, "-nologo", "-v", "q");
            return Run("import-specs", "dotnet", [Path.Combine(root, "generator/FlameHub.Generator/bin", Configuration, "net10.0/FlameHub.Generator.dll"),
                "import", "--specs", Path.Combine(root, "specs"), .. rest]);
        case "update-public-api":
            Require("node", "--version", "Node.js with npm is needed for NSwag's CLI; install Node.js 20 or later.");
            RestoreNpm();
            foreach (var release in releases)
            {
                Step($"build for Hub {release} with the listing update", "dotnet", "build", library,
                    "-c", Configuration, "-nologo", "-p:FlameHubUpdatePublicApi=true", $"-p:HubRelease={release}");
                // FakeHub's one listing, checked by every release's build: the library was just built, so it is not compiled again.
                Step($"build FakeHub for Hub {release} with the listing update", "dotnet", "build", testing,
                    "-c", Configuration, "-nologo", "-p:FlameHubUpdatePublicApi=true", "-p:BuildProjectReferences=false", $"-p:HubRelease={release}");
            }
            break;
        case "bench":
            Require("node", "--version", "Node.js with npm is needed for NSwag's CLI; install Node.js 20 or later.");
            RestoreNpm();
            var benchProject = Path.Combine(root, "tests/FlameHub.Generated.Benchmarks");
            Step("build the benchmarks", "dotnet", "build", benchProject, "-c", Configuration, "-nologo");
            return Run("bench", "dotnet", [Path.Combine(benchProject, "bin", Configuration, "net10.0/FlameHub.Generated.Benchmarks.dll"),
                "--repo", root, "--out", Path.Combine(root, "docs/benchmarks.md"), .. rest]);
        case "demo":
            Require("node", "--version", "Node.js with npm is needed for NSwag's CLI; install Node.js 20 or later.");
            RestoreNpm();
            return Run("demo", "dotnet", ["run", "--file", Path.Combine(root, "build/demo.cs"), "-c", Configuration, "--", .. rest]);
        default:
            Console.Error.WriteLine($"build: unknown command '{command}'. Commands: (none), test, import-specs, update-public-api, bench, demo.");
            return 2;
    }
    return 0;
}
catch (BuildFailure failure)
{
    Console.Error.WriteLine($"build: {failure.Message}");
    return 1;
}

void Pack(string[] releases)
{
    var artifacts = Path.Combine(root, "artifacts");
    foreach (var old in Directory.Exists(artifacts) ? Directory.GetFiles(artifacts, "*.*nupkg") : []) File.Delete(old);
    foreach (var release in releases)
    {
        Step($"pack for Hub {release}", "dotnet", "pack", library, "-c", Configuration, "--no-build", "-nologo", "-o", artifacts, $"-p:HubRelease={release}");
        Step($"pack FakeHub for Hub {release}", "dotnet", "pack", testing, "-c", Configuration, "--no-build", "-nologo", "-o", artifacts, $"-p:HubRelease={release}");
    }
}

// npm ci only when the lock file changed since the last install.
void RestoreNpm()
{
    Require("npm", "--version", "npm is needed to install NSwag, WireMock and the OpenAPI validator; install Node.js with npm.");
    var installed = Path.Combine(root, "node_modules", ".package-lock.json");
    var lockFile = Path.Combine(root, "package-lock.json");
    if (File.Exists(installed) && File.GetLastWriteTimeUtc(installed) >= File.GetLastWriteTimeUtc(lockFile))
    {
        Console.WriteLine("build: npm packages are up to date");
        return;
    }
    Step("npm ci", "npm", "ci", "--no-audit", "--no-fund");
}

void Require(string tool, string versionArgument, string hint)
{
    try
    {
        using var process = Process.Start(new ProcessStartInfo(tool, versionArgument) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        process.WaitForExit();
        if (process.ExitCode == 0) return;
    }
    catch (System.ComponentModel.Win32Exception)
    {
    }
    throw new BuildFailure($"'{tool}' was not found. {hint}");
}

void Step(string name, string tool, params string[] arguments)
{
    if (Run(name, tool, arguments) != 0) throw new BuildFailure($"{name} failed.");
}

int Run(string name, string tool, params string[] arguments)
{
    Console.WriteLine($"build: {name}: {tool} {string.Join(' ', arguments)}");
    var start = new ProcessStartInfo(tool) { WorkingDirectory = root };
    foreach (var argument in arguments) start.ArgumentList.Add(argument);
    using var process = Process.Start(start) ?? throw new BuildFailure($"could not start '{tool}'.");
    process.WaitForExit();
    return process.ExitCode;
}

// specs/hub-<release>/ folders, oldest release first.
static string[] HubReleases(string specs)
{
    var releases = (Directory.Exists(specs) ? Directory.GetDirectories(specs, "hub-*") : [])
        .Select(d => Path.GetFileName(d)["hub-".Length..])
        .OrderBy(r => Version.TryParse(r.Split('-', '+')[0], out var v) ? v : new Version())
        .ToArray();
    return releases.Length > 0 ? releases : throw new BuildFailure($"{specs} holds no hub-<release> folder; run './build.sh import-specs'.");
}

static string DefaultRelease(string props) =>
    XDocument.Load(props).Descendants().FirstOrDefault(e => e.Name.LocalName == "HubRelease")?.Value
        ?? throw new BuildFailure($"{props} sets no default HubRelease.");

// One line per test assembly and framework, then the closing line CI reads: the sum over every TRX file.
static string Summarize(string resultsDirectory)
{
    var lines = new List<string>();
    int passed = 0, failed = 0, skipped = 0;
    foreach (var trx in (Directory.Exists(resultsDirectory) ? Directory.GetFiles(resultsDirectory, "*.trx", SearchOption.AllDirectories) : []).Order(StringComparer.Ordinal))
    {
        var counters = XDocument.Load(trx).Descendants().FirstOrDefault(e => e.Name.LocalName == "Counters");
        if (counters is null) continue;
        int Count(string attribute) => int.TryParse(counters.Attribute(attribute)?.Value, out var n) ? n : 0;
        var (p, f) = (Count("passed"), Count("failed") + Count("error") + Count("timeout") + Count("aborted"));
        // The test logger leaves notExecuted at 0 for skipped tests; what did not execute is skipped.
        var s = Math.Max(Count("notExecuted"), Count("total") - Count("executed"));
        // "FlameHub.Generated.Tests.net8.0.trx": the assembly, then its framework.
        var name = Path.GetFileNameWithoutExtension(trx);
        var dot = name.LastIndexOf(".net", StringComparison.Ordinal);
        lines.Add($"build: results of {(dot > 0 ? $"{name[..dot]} on {name[(dot + 1)..]}" : name)}: {p} passed, {f} failed, {s} skipped");
        (passed, failed, skipped) = (passed + p, failed + f, skipped + s);
    }
    lines.Add(skipped > 0 ? $"{passed} passed, {failed} failed, {skipped} skipped" : $"{passed} passed, {failed} failed");
    return string.Join(Environment.NewLine, lines);
}

sealed class BuildFailure(string message) : Exception(message);
