using System.Text.Json.Nodes;
using FlameHub.Generator.Facts;
using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Tests.Facts;

/// <summary>
/// What the generator tells the hand-written code of a release: decided from its normalized documents
/// (robots, Basic credentials) and its filters.json, written as HubRelease.g.cs and HubRelease.constants.
/// The second release here is a fixture: documents without robots or Basic, and Hub 0.14.0's filters.
/// </summary>
public class ReleaseFactsWriterTests
{
    private string _dir = null!;

    [SetUp]
    public void Create() => _dir = Directory.CreateTempSubdirectory("flamehub-facts-").FullName;

    [TearDown]
    public void Remove() => Directory.Delete(_dir, recursive: true);

    private static JsonObject Auth(bool robots)
    {
        var paths = new JsonObject { ["/users"] = new JsonObject { ["get"] = new JsonObject() }, ["/clients/{id}"] = new JsonObject { ["get"] = new JsonObject() } };
        if (robots) paths["/robots/{id}"] = new JsonObject { ["get"] = new JsonObject() };
        return new JsonObject { ["openapi"] = "3.0.3", ["paths"] = paths };
    }

    private static JsonObject Core(bool basic)
    {
        var schemes = new JsonObject { ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer" } };
        if (basic) schemes["basic"] = new JsonObject { ["type"] = "http", ["scheme"] = "basic" };
        return new JsonObject { ["openapi"] = "3.0.3", ["paths"] = new JsonObject(), ["components"] = new JsonObject { ["securitySchemes"] = schemes } };
    }

    private static Dictionary<string, JsonObject> Documents(bool robots, bool basic) => new() { ["auth"] = Auth(robots), ["core"] = Core(basic) };

    private string Generated(string file) => File.ReadAllText(Path.Combine(_dir, "generated", file));

    private bool Write(Dictionary<string, JsonObject> documents, string release) =>
        ReleaseFactsWriter.Write(documents, release, new QuirksCatalog(RepositoryPaths.Quirks), Path.Combine(_dir, "generated"));

    [Test]
    public void Hub_0_8_13_has_robots_Basic_and_a_leading_tilde_for_starts_with()
    {
        Write(Documents(robots: true, basic: true), "0.8.13");

        Assert.That(Generated(ReleaseFactsWriter.ConstantsFile).Split('\n', StringSplitOptions.RemoveEmptyEntries),
            Is.SupersetOf(new[] { "HUB_ROBOTS", "HUB_BASIC_AUTH", "HUB_FILTER_STARTSWITH", "HUB_FILTER_NOTSTARTSWITH" })
                .And.None.StartsWith("HUB_FILTER_ENDSWITH").And.None.StartsWith("HUB_FILTER_CONTAINS"));
        var source = Generated(ReleaseFactsWriter.SourceFile);
        Assert.That(source, Does.Contain("internal const bool Robots = true;").And.Contain("internal const bool BasicAuth = true;"));
        Assert.That(source, Does.Contain("""new(FilterKind.StartsWith, "~", "", FilterOperand.Value),"""));
        Assert.That(source, Does.Not.Contain("FilterKind.EndsWith"));
    }

    [Test]
    public void A_release_without_robot_paths_or_a_basic_scheme_and_with_rapiq_2_has_neither_and_the_new_LIKE_forms()
    {
        Write(Documents(robots: false, basic: false), "0.14.0");

        var constants = Generated(ReleaseFactsWriter.ConstantsFile).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(constants, Has.No.Member("HUB_ROBOTS").And.No.Member("HUB_BASIC_AUTH"));
        Assert.That(constants, Is.SupersetOf(new[] { "HUB_FILTER_STARTSWITH", "HUB_FILTER_ENDSWITH", "HUB_FILTER_CONTAINS", "HUB_FILTER_NOTENDSWITH", "HUB_FILTER_NOTCONTAINS" }));
        var source = Generated(ReleaseFactsWriter.SourceFile);
        Assert.That(source, Does.Contain("internal const bool Robots = false;").And.Contain("internal const bool BasicAuth = false;"));
        Assert.That(source, Does.Contain("""new(FilterKind.StartsWith, "", "~", FilterOperand.Value),""")
            .And.Contain("""new(FilterKind.EndsWith, "~", "", FilterOperand.Value),""")
            .And.Contain("""new(FilterKind.Contains, "~", "~", FilterOperand.Text),"""));
    }

    [Test]
    public void A_release_takes_the_filters_of_the_newest_quirks_at_or_below_it()
    {
        Write(Documents(true, true), "0.9.0");
        Assert.That(Generated(ReleaseFactsWriter.SourceFile), Does.Contain("""new(FilterKind.StartsWith, "~", "", FilterOperand.Value),"""));
    }

    [Test]
    public void Writing_the_same_facts_again_changes_nothing()
    {
        Assert.That(Write(Documents(true, true), "0.8.13"), Is.True);
        var stamp = File.GetLastWriteTimeUtc(Path.Combine(_dir, "generated", ReleaseFactsWriter.SourceFile));
        Assert.That(Write(Documents(true, true), "0.8.13"), Is.False);
        Assert.That(File.GetLastWriteTimeUtc(Path.Combine(_dir, "generated", ReleaseFactsWriter.SourceFile)), Is.EqualTo(stamp));
    }

    [Test]
    public void Basic_is_a_feature_only_of_an_http_basic_scheme() =>
        Assert.That(FeatureFacts.Of(new Dictionary<string, JsonObject>
        {
            ["core"] = new() { ["components"] = new JsonObject { ["securitySchemes"] = new JsonObject { ["basic"] = new JsonObject { ["type"] = "apiKey", ["in"] = "header", ["name"] = "x" } } } },
        }).BasicAuth, Is.False);
}
