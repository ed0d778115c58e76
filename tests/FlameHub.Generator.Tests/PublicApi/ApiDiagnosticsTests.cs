using System.Text.Json.Nodes;
using FlameHub.Generator.PublicApi;

namespace FlameHub.Generator.Tests.PublicApi;

public sealed class ApiDiagnosticsTests
{
    private string _log = null!;

    [SetUp]
    public void Name() => _log = Path.Combine(Path.GetTempPath(), $"api-{Guid.NewGuid():N}.sarif");

    [TearDown]
    public void Remove() => File.Delete(_log);

    [Test]
    public void Added_and_removed_lines_come_from_RS0016_and_RS0017_and_nothing_else()
    {
        Sarif.Write(_log,
            Sarif.Result("RS0016", "FlameHub.Probe.Answer() -> int"),
            Sarif.Result("RS0017", "FlameHub.Probe.Gone() -> void"),
            Sarif.Result("RS0026", "FlameHub.Probe.Overload(int x = 0) -> void"),
            new JsonObject { ["ruleId"] = "CS0164", ["level"] = "warning" });

        var diagnostics = ApiDiagnostics.Read(_log);

        Assert.That(diagnostics.Added, Is.EqualTo(new[] { "FlameHub.Probe.Answer() -> int" }));
        Assert.That(diagnostics.Removed, Is.EqualTo(new[] { "FlameHub.Probe.Gone() -> void" }));
    }

    [Test]
    public void A_finding_suppressed_in_source_is_not_an_API_change()
    {
        Sarif.Write(_log, Sarif.Result("RS0016", "FlameHub.Probe.Hidden() -> void", suppressed: true));

        Assert.That(ApiDiagnostics.Read(_log).Added, Is.Empty);
    }

    [Test]
    public void The_older_signatures_an_added_symbol_replaces_are_removed()
    {
        Sarif.Write(_log, Sarif.Result("RS0016", "FlameHub.Probe.Find(string? name) -> void",
            siblings: "FlameHub.Probe.Find(string name) -> void;;FlameHub.Probe.Find(string! name) -> void"));

        Assert.That(ApiDiagnostics.Read(_log).Removed,
            Is.EqualTo(new[] { "FlameHub.Probe.Find(string name) -> void", "FlameHub.Probe.Find(string! name) -> void" }));
    }

    [Test]
    public void A_missing_log_says_the_build_did_not_write_one() =>
        Assert.That(() => ApiDiagnostics.Read(_log),
            Throws.TypeOf<GeneratorException>().With.Message.Contains("FlameHubUpdatePublicApi=true"));
}
