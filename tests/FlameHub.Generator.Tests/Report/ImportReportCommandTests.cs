using System.Text.Json.Nodes;
using static FlameHub.Generator.Tests.Report.DerivedDocuments;

namespace FlameHub.Generator.Tests.Report;

/// <summary>The bump report through the real <c>import</c> command, on a copy of <c>specs/</c>.</summary>
public class ImportReportCommandTests
{
    private string _root = null!;
    private string _specs = null!;

    [SetUp]
    public void CopySpecs()
    {
        _root = Path.Combine(Path.GetTempPath(), "flamehub-report-" + Guid.NewGuid().ToString("N"));
        _specs = Path.Combine(_root, "hub-0.8.13");
        Directory.CreateDirectory(_specs);
        foreach (var file in Directory.GetFiles(RepositoryPaths.Specs, "*.json")) File.Copy(file, Path.Combine(_specs, Path.GetFileName(file)));
    }

    [TearDown]
    public void RemoveSpecs() => Directory.Delete(_root, recursive: true);

    [Test]
    public async Task A_bump_writes_CHANGES_md_and_a_summary_and_a_repeat_changes_nothing()
    {
        var derived = RenameExternalName(RemoveDeleteNode(AddWidget(ChangeTypeAndNullability(Core()))));
        derived["info"]!["version"] = "0.8.14";
        var input = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + "-core.json");
        File.WriteAllText(input, derived.ToJsonString());
        try
        {
            var (exitCode, output, error) = await Import(input);

            Assert.That(exitCode, Is.Zero, error);
            Assert.That(output, Does.Contain("import-specs: core: 10 changes, 6 breaking\n"));
            var changes = File.ReadAllText(Path.Combine(_root, "hub-0.8.14", "CHANGES.md"));
            TestContext.Out.WriteLine(changes);
            Assert.That(changes, Does.Contain("- Hub: 0.8.13 → 0.8.14\n").And.Contain("- Authup: 1.0.0-beta.26 (unchanged)\n")
                .And.Contain("| core | 10 | 6 |").And.Contain("## core (0.8.13 → 0.8.14)"));
            var breaking = Between(changes, "### Breaking changes", "### Other changes");
            var other = changes[changes.IndexOf("### Other changes", StringComparison.Ordinal)..];
            Assert.That(breaking, Does.Contain("- `DELETE /nodes/{id}` removed (operationId `Drop`)")
                .And.Contain("- `Node.external_name` removed (`string`, nullable, required) — possibly renamed to `externalName`")
                .And.Contain("- `Node.online` type `boolean` → `string`")
                .And.Contain("- `Node.public_key` no longer nullable"));
            Assert.That(other, Does.Contain("- `GET /widgets` added").And.Contain("- `Widget` added (3 properties)"));

            var written = File.GetLastWriteTimeUtc(Path.Combine(_root, "hub-0.8.14", "CHANGES.md"));
            var again = await Import(input);
            Assert.That(again.Output, Is.EqualTo("import-specs: no changes; specs/ is as it was\n"));
            Assert.That(File.ReadAllText(Path.Combine(_root, "hub-0.8.14", "CHANGES.md")), Is.EqualTo(changes));
            Assert.That(File.GetLastWriteTimeUtc(Path.Combine(_root, "hub-0.8.14", "CHANGES.md")), Is.EqualTo(written));
        }
        finally
        {
            File.Delete(input);
        }
    }

    [Test]
    public async Task Importing_the_stored_document_reports_no_changes_to_the_api_and_a_repeat_writes_nothing()
    {
        var stored = File.ReadAllText(Path.Combine(_specs, "core.json"));

        // Only the release record changes (core's document now comes from core.json, not core-docs.html).
        var (exitCode, output, error) = await Import(Path.Combine(RepositoryPaths.Specs, "core.json"));

        Assert.That(exitCode, Is.Zero, error);
        Assert.That(output, Does.Contain("import-specs: core: no changes\n").And.Contain("import-specs: 0 changes, 0 breaking;"));
        Assert.That(File.ReadAllText(Path.Combine(_specs, "core.json")), Is.EqualTo(stored));
        Assert.That(File.ReadAllText(Path.Combine(_specs, "CHANGES.md")), Does.Contain("## core (0.8.13 (unchanged))\n\nNo changes to operations or schemas.\n"));

        var before = Directory.GetFiles(_specs).ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
        var again = await Import(Path.Combine(RepositoryPaths.Specs, "core.json"));

        Assert.That(again.Output, Is.EqualTo("import-specs: no changes; specs/ is as it was\n"));
        Assert.That(Directory.GetFiles(_specs).ToDictionary(f => Path.GetFileName(f), File.ReadAllText), Is.EqualTo(before));
    }

    private Task<(int ExitCode, string Output, string Error)> Import(string from, params string[] more) =>
        ProcessRunner.RunAsync("dotnet", [typeof(GeneratorException).Assembly.Location, "import", "--specs", _root, "--from", from, .. more]);

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        return text[from..text.IndexOf(end, from, StringComparison.Ordinal)];
    }
}
