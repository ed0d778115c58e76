using FlameHub.Generator.PublicApi;

namespace FlameHub.Generator.Tests.PublicApi;

/// <summary>The Unshipped files written from the analyzers' findings, in a temporary PublicAPI/ folder.</summary>
public sealed class PublicApiUpdateTests
{
    private const string Header = "#nullable enable\n";
    private string _dir = null!;

    [SetUp]
    public void Create()
    {
        _dir = Directory.CreateTempSubdirectory("flamehub-publicapi-").FullName;
        File.WriteAllText(Shared("Shipped"), Header + "A.Shipped() -> void\nA.Kept() -> void\n");
        File.WriteAllText(Shared("Unshipped"), Header + "A.New() -> void\n");
    }

    [TearDown]
    public void Remove() => Directory.Delete(_dir, recursive: true);

    private string Shared(string kind) => Path.Combine(_dir, $"PublicAPI.{kind}.txt");

    private string Own(string framework, string kind) => Path.Combine(_dir, framework, $"PublicAPI.{kind}.txt");

    private static ApiDiagnostics Found(string[]? added = null, string[]? removed = null) =>
        new(new SortedSet<string>(added ?? [], StringComparer.Ordinal), new SortedSet<string>(removed ?? [], StringComparer.Ordinal));

    private IReadOnlyList<PublicApiUpdate.FileChange> Apply(ApiDiagnostics net8, ApiDiagnostics net10) =>
        PublicApiUpdate.Apply(_dir, new Dictionary<string, ApiDiagnostics> { ["net8.0"] = net8, ["net10.0"] = net10 });

    [Test]
    public void Added_lines_are_written_sorted_and_a_second_run_changes_nothing()
    {
        var both = Found(added: ["Z.Last() -> int", "A.New() -> void", "B.Middle() -> string!"]);

        var first = Apply(both, both);
        var written = File.ReadAllText(Shared("Unshipped"));
        var second = Apply(both, both);

        Assert.That(written, Is.EqualTo(Header + "A.New() -> void\nB.Middle() -> string!\nZ.Last() -> int\n"));
        Assert.That(first.Select(c => (Path.GetFileName(c.Path), c.What, c.Added, c.Removed)),
            Is.EqualTo(new[] { ("PublicAPI.Unshipped.txt", "updated", 2, 0) }));
        Assert.That(second, Is.Empty);
        Assert.That(File.ReadAllText(Shared("Unshipped")), Is.EqualTo(written));
    }

    [Test]
    public void The_unshipped_file_is_derived_from_the_findings_whatever_it_held_before()
    {
        File.WriteAllText(Shared("Unshipped"), Header + "<<<<<<< HEAD\nA.Ours() -> void\n=======\nA.Theirs() -> void\n>>>>>>> other\n");
        var both = Found(added: ["A.Ours() -> void", "A.Theirs() -> void"]);

        Apply(both, both);

        Assert.That(File.ReadAllText(Shared("Unshipped")), Is.EqualTo(Header + "A.Ours() -> void\nA.Theirs() -> void\n"));
    }

    [Test]
    public void A_shipped_line_that_is_gone_is_marked_removed_and_the_shipped_file_is_left_alone()
    {
        var both = Found(removed: ["A.Shipped() -> void"]);

        Apply(both, both);

        Assert.That(File.ReadAllText(Shared("Unshipped")), Is.EqualTo(Header + "*REMOVED*A.Shipped() -> void\n"));
        Assert.That(File.ReadAllText(Shared("Shipped")), Is.EqualTo(Header + "A.Shipped() -> void\nA.Kept() -> void\n"), "shipped files change only at a release");
    }

    [Test]
    public void A_line_only_one_framework_has_goes_to_that_frameworks_own_pair_of_files()
    {
        Apply(Found(added: ["A.Common() -> void"]), Found(added: ["A.Common() -> void", "A.Span(System.ReadOnlySpan<char> s) -> void"]));

        Assert.That(File.ReadAllText(Shared("Unshipped")), Is.EqualTo(Header + "A.Common() -> void\n"));
        Assert.That(File.ReadAllText(Own("net10.0", "Unshipped")), Is.EqualTo(Header + "A.Span(System.ReadOnlySpan<char> s) -> void\n"));
        Assert.That(File.ReadAllText(Own("net10.0", "Shipped")), Is.EqualTo(Header), "the analyzers read a framework's files as a pair");
        Assert.That(Directory.Exists(Path.Combine(_dir, "net8.0")), Is.False);
    }

    [Test]
    public void A_shipped_line_one_framework_loses_is_marked_removed_for_that_framework_only()
    {
        Apply(Found(removed: ["A.Kept() -> void"]), Found());

        Assert.That(File.ReadAllText(Shared("Unshipped")), Is.EqualTo(Header));
        Assert.That(File.ReadAllText(Own("net8.0", "Unshipped")), Is.EqualTo(Header + "*REMOVED*A.Kept() -> void\n"));
        Assert.That(Directory.Exists(Path.Combine(_dir, "net10.0")), Is.False);
    }

    [Test]
    public void A_frameworks_own_files_are_deleted_when_it_has_no_API_of_its_own_any_more()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "net10.0"));
        File.WriteAllText(Own("net10.0", "Shipped"), Header);
        File.WriteAllText(Own("net10.0", "Unshipped"), Header + "A.Span() -> void\n");

        var unchanged = Found(added: ["A.New() -> void"]);
        var changes = Apply(unchanged, unchanged);

        Assert.That(Directory.Exists(Path.Combine(_dir, "net10.0")), Is.False);
        Assert.That(changes.Select(c => (Path.GetFileName(c.Path), c.What, c.Removed)),
            Is.EquivalentTo(new[] { ("PublicAPI.Shipped.txt", "deleted", 0), ("PublicAPI.Unshipped.txt", "deleted", 1) }));
    }

    [Test]
    public void A_framework_with_files_but_without_a_build_stops_the_update()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "net9.0"));

        Assert.That(() => Apply(Found(), Found()),
            Throws.TypeOf<GeneratorException>().With.Message.Contains("net9.0, which was not built"));
    }
}
