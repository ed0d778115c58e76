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
        var input = await WriteDerivedRelease();
        try
        {
            var (exitCode, output, error) = await Import(input);

            Assert.That(exitCode, Is.Zero, error);
            Assert.That(output, Does.Contain("import-specs: core: 6 changes, 3 breaking\n"));
            var changes = File.ReadAllText(Path.Combine(_root, "hub-0.8.14", "CHANGES.md"));
            TestContext.Out.WriteLine(changes);
            Assert.That(changes, Does.StartWith("# Hub 0.8.13 → 0.8.14: what changes for a client\n")
                .And.Contain("the imported documents compared with those of the release before it, `specs/hub-0.8.13/`")
                .And.Contain("- Hub: 0.8.13 → 0.8.14\n").And.Contain("- Authup: 1.0.0-beta.26 (unchanged)\n")
                .And.Contain("| core | 1 | 3 | 1 | 1 | 3 |").And.Contain("## core (0.8.13 → 0.8.14)"));
            Assert.That(Between(changes, "### What you lose", "### What changed shape"), Does.Contain(
                "- `DELETE /nodes/{id}`: gone — **breaking**: its method disappears from the client\n"));
            Assert.That(Between(changes, "### What changed shape", "### What got renamed"), Is.EqualTo(
                "### What changed shape\n\n"
                + "- Type `boolean` → `string`: `nodes.online` — **breaking**: values of the old type no longer fit\n"
                + "- Now nullable: `nodes.hidden` — **breaking**: readers must handle null\n"
                + "- No longer nullable: `nodes.public_key`\n\n"), "breaking first");
            Assert.That(Between(changes, "### What got renamed", "### What is new"), Does.Contain(
                "- Field names on the wire: snake_case → camelCase: 1 name: `external_name` → `externalName`."));
            Assert.That(changes[changes.IndexOf("### What is new", StringComparison.Ordinal)..], Does.Contain(
                "- `widgets`: new resource: 3 operations (`GET /widgets`, `GET /widgets/{id}`, `POST /widgets`); fields `id`, `name`, `node_id`\n"));

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
    public async Task Re_importing_a_release_rewrites_an_outdated_report_and_leaves_its_documents_byte_identical()
    {
        var input = await WriteDerivedRelease();
        try
        {
            Assert.That((await Import(input)).ExitCode, Is.Zero);
            var folder = Path.Combine(_root, "hub-0.8.14");
            var report = File.ReadAllText(Path.Combine(folder, "CHANGES.md"));
            var documents = Directory.GetFiles(folder, "*.json").ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
            File.WriteAllText(Path.Combine(folder, "CHANGES.md"), "written by an older report\n");

            var (exitCode, output, error) = await Import(input);

            Assert.That(exitCode, Is.Zero, error);
            Assert.That(output, Does.StartWith($"import-specs: wrote {Path.Combine(folder, "CHANGES.md")}\nimport-specs: core: 6 changes, 3 breaking\n"));
            Assert.That(File.ReadAllText(Path.Combine(folder, "CHANGES.md")), Is.EqualTo(report));
            Assert.That(Directory.GetFiles(folder, "*.json").ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes), Is.EqualTo(documents));
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
        Assert.That(File.ReadAllText(Path.Combine(_specs, "CHANGES.md")), Does.Contain("## core (0.8.13 (unchanged))\n\nNo changes to resources, operations, fields or security schemes.\n"));

        var before = Directory.GetFiles(_specs).ToDictionary(f => Path.GetFileName(f), File.ReadAllText);
        var again = await Import(Path.Combine(RepositoryPaths.Specs, "core.json"));

        Assert.That(again.Output, Is.EqualTo("import-specs: no changes; specs/ is as it was\n"));
        Assert.That(Directory.GetFiles(_specs).ToDictionary(f => Path.GetFileName(f), File.ReadAllText), Is.EqualTo(before));
    }

    // Hub "0.8.14": core with a field respelled, an operation gone, a resource added, a type and two nullabilities changed.
    private static async Task<string> WriteDerivedRelease()
    {
        var derived = RenameExternalName(RemoveDeleteNode(AddWidget(ChangeTypeAndNullability(Core()))));
        derived["info"]!["version"] = "0.8.14";
        var input = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + "-core.json");
        await File.WriteAllTextAsync(input, derived.ToJsonString());
        return input;
    }

    [Test]
    public async Task The_first_release_gets_a_report_once_against_nothing_and_its_documents_stay_as_they_are()
    {
        // Named as the recorded import's source, so the release record stays as it is too.
        var core = Path.Combine(_root, "core-docs.html");
        File.Copy(Path.Combine(_specs, "core.json"), core);
        var before = await File.ReadAllBytesAsync(Path.Combine(_specs, "core.json"));
        var release = await File.ReadAllBytesAsync(Path.Combine(_specs, "hub-release.json"));

        var first = await Import(core, "--hub-version", "0.8.13");

        Assert.That(first.ExitCode, Is.Zero, first.Error);
        Assert.That(first.Output, Does.Contain("import-specs: core: first import (72 operations)\n"));
        var changes = await File.ReadAllTextAsync(Path.Combine(_specs, "CHANGES.md"));
        Assert.That(changes, Does.StartWith("# Hub none → 0.8.13: what changes for a client\n")
            .And.Contain("compared with nothing: the first release in `specs/`")
            .And.Contain("First import (72 operations); nothing to compare."));
        Assert.That(await File.ReadAllBytesAsync(Path.Combine(_specs, "core.json")), Is.EqualTo(before), "the documents are as they were");
        Assert.That(await File.ReadAllBytesAsync(Path.Combine(_specs, "hub-release.json")), Is.EqualTo(release));

        var again = await Import(core, "--hub-version", "0.8.13");
        Assert.That(again.Output, Is.EqualTo("import-specs: no changes; specs/ is as it was\n"));
        Assert.That(await File.ReadAllTextAsync(Path.Combine(_specs, "CHANGES.md")), Is.EqualTo(changes));
    }

    private Task<(int ExitCode, string Output, string Error)> Import(string from, params string[] more) =>
        ProcessRunner.RunAsync("dotnet", [typeof(GeneratorException).Assembly.Location, "import", "--specs", _root, "--from", from, .. more]);

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        return text[from..text.IndexOf(end, from, StringComparison.Ordinal)];
    }
}
