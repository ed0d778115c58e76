using System.Reflection;
using System.Text.Json.Nodes;

namespace FlameHub.Generated.Tests.Releases;

/// <summary>
/// Which package speaks which Hub, judged over data: the packages of 0.8.13 and 0.14.0 as a
/// repository with both folders generates them, and as one with the own folder only.
/// </summary>
public sealed class ReleaseCatalogTests
{
    private static readonly (string, string)[] Products = [("auth", "Authup"), ("core", "Hub"), ("storage", "Hub")];
    private static readonly ReleaseLine Line0813 = new("0.8.13", "1.0.0-beta.26", "0.8.13-hub.1");
    private static readonly ReleaseLine Line0140 = new("0.14.0", "1.0.0-beta.62", "0.14.0-hub.1");

    /// <summary>The 0.8.13 package of a repository that also has specs/hub-0.14.0/.</summary>
    internal static ReleaseCatalog As0813 => new(Line0813, [Line0813, Line0140 with { Package = "0.14.0-hub.*" }], Products);

    /// <summary>The 0.14.0 package of a repository that also has specs/hub-0.8.13/.</summary>
    internal static ReleaseCatalog As0140 => new(Line0140, [Line0813 with { Package = "0.8.13-hub.*" }, Line0140], Products);

    [Test]
    public void The_0_8_13_package_refuses_a_Hub_reporting_0_14_0_and_names_the_package_that_speaks_it()
    {
        var verdict = As0813.Judge("core", "http://hub/core/", "0.14.0");

        Assert.That(verdict.Outcome, Is.EqualTo(ReleaseOutcome.Mismatch));
        Assert.That(verdict.Speaker, Is.EqualTo("0.14.0-hub.*"));
        Assert.That(verdict.MismatchText(), Is.EqualTo(
            "core at http://hub/core/ reports Hub 0.14.0; this package (FlameHub.Generated 0.8.13-hub.1) speaks Hub 0.8.x; use FlameHub.Generated 0.14.0-hub.*."));
    }

    [Test]
    public void The_0_14_0_package_refuses_a_Hub_reporting_0_8_13_and_names_the_package_that_speaks_it()
    {
        var verdict = As0140.Judge("storage", "http://hub/storage/", "0.8.13");

        Assert.That(verdict.Outcome, Is.EqualTo(ReleaseOutcome.Mismatch));
        Assert.That(verdict.MismatchText(), Does.Contain("reports Hub 0.8.13; this package (FlameHub.Generated 0.14.0-hub.1) speaks Hub 0.14.x; use FlameHub.Generated 0.8.13-hub.*."));
    }

    [Test]
    public void Another_Authup_beta_is_another_release_and_the_package_of_its_Hub_is_named()
    {
        Assert.That(As0813.Judge("auth", "u", "1.0.0-beta.62") is { Outcome: ReleaseOutcome.Mismatch, Speaker: "0.14.0-hub.*" });
        Assert.That(As0140.Judge("auth", "u", "1.0.0-beta.26") is { Outcome: ReleaseOutcome.Mismatch, Speaker: "0.8.13-hub.*" });
        Assert.That(As0813.Judge("auth", "u", "1.0.0-beta.27").Outcome, Is.EqualTo(ReleaseOutcome.Mismatch), "no patch level among betas");
        Assert.That(As0813.Judge("auth", "u", "1.0.0").Outcome, Is.EqualTo(ReleaseOutcome.Mismatch), "the final 1.0.0 is not beta.26 either");
        Assert.That(As0813.Judge("auth", "u", "1.0.0-beta.26").Outcome, Is.EqualTo(ReleaseOutcome.Same));
        Assert.That(As0813.Judge("auth", "u", "1.0.0-beta.62").MismatchText(), Does.Contain("reports Authup 1.0.0-beta.62").And.Contain("speaks Authup 1.0.0-beta.26"));
    }

    [TestCase("0.8.13", "Same")]
    [TestCase("v0.8.13", "Same")]
    [TestCase("0.8.13+build.7", "Same")]
    [TestCase("0.8.14", "Patch")]
    [TestCase("0.8.0", "Patch")]
    [TestCase("0.9.0", "Mismatch")]
    [TestCase("1.8.13", "Mismatch")]
    [TestCase("0.8.14-rc.1", "Mismatch")]
    public void A_Hub_release_passes_within_its_minor_line_only(string reported, string outcome)
    {
        Assert.That(As0813.Judge("core", "u", reported).Outcome.ToString(), Is.EqualTo(outcome));
    }

    [Test]
    public void A_patch_names_the_package_of_its_exact_release_when_there_is_one()
    {
        var catalog = new ReleaseCatalog(Line0813, [Line0813, new("0.8.15", "1.0.0-beta.26", "0.8.15-hub.*"), Line0140 with { Package = "0.14.0-hub.*" }], Products);

        Assert.That(catalog.SpeakerOf("Hub", Parse("0.8.15")), Is.EqualTo("0.8.15-hub.*"));
        Assert.That(catalog.SpeakerOf("Hub", Parse("0.8.16")), Is.EqualTo("0.8.15-hub.*"), "the newest patch of the line");
        Assert.That(catalog.SpeakerOf("Hub", Parse("0.14.2")), Is.EqualTo("0.14.0-hub.*"));
    }

    [Test]
    public void A_release_no_folder_speaks_is_refused_naming_the_lines_the_packages_speak()
    {
        var verdict = As0813.Judge("core", "http://hub/core/", "0.10.2");

        Assert.That(verdict.Speaker, Is.Null);
        Assert.That(verdict.MismatchText(), Does.Contain("no FlameHub.Generated release this one knows of speaks it (they speak Hub 0.8.x, 0.14.x)"));
    }

    [Test]
    public void With_its_own_folder_only_the_package_names_no_other_package()
    {
        var alone = new ReleaseCatalog(Line0813, [Line0813], Products);

        Assert.That(alone.Judge("core", "u", "0.14.0") is { Outcome: ReleaseOutcome.Mismatch, Speaker: null });
    }

    [Test]
    public void A_status_without_a_version_passes()
    {
        Assert.That(As0813.Judge("storage", "u", null).Outcome, Is.EqualTo(ReleaseOutcome.NoVersion));
    }

    [TestCase("")]
    [TestCase("banana")]
    [TestCase("0.8")]
    [TestCase("0.8.13.1")]
    [TestCase("08.8.13")]
    [TestCase("0.8.13-")]
    [TestCase("0.8.13-beta..1")]
    [TestCase("99999999999.0.0")]
    [TestCase("0.8.13\r\nX-Injected: yes")]
    public void A_version_that_is_no_release_fails_the_check_and_is_quoted_safely(string reported)
    {
        var verdict = As0813.Judge("core", "http://hub/core/", reported);

        Assert.That(verdict.Outcome, Is.EqualTo(ReleaseOutcome.Failed));
        var text = verdict.FailureText();
        Assert.That(text, Does.Contain("which is not a release such as 0.8.13"));
        Assert.That(text.Any(char.IsControl), Is.False);
    }

    [Test]
    public void A_huge_version_is_cut_short_in_the_message()
    {
        var verdict = As0813.Judge("core", "u", new string('9', 100_000));

        Assert.That(verdict.Outcome, Is.EqualTo(ReleaseOutcome.Failed));
        Assert.That(verdict.FailureText().Length, Is.LessThan(300));
    }

    [Test]
    public void The_package_knows_the_release_of_the_folder_it_was_built_from()
    {
        // Every release folder of specs/, not only this build's own (RepositoryPaths.Specs).
        var releases = Directory.GetFiles(Path.GetDirectoryName(RepositoryPaths.Specs)!, "hub-release.json", SearchOption.AllDirectories)
            .Select(path => JsonNode.Parse(File.ReadAllText(path))!)
            .Select(json => (Hub: json["hub"]!.GetValue<string>(), Authup: json["authup"]!.GetValue<string>()))
            .ToList();
        var informational = typeof(HubRelease).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        Assert.That(releases, Does.Contain((HubRelease.Hub, HubRelease.Authup)));
        Assert.That(informational.Split('+')[0], Is.EqualTo(HubRelease.PackageVersion));
        Assert.That(HubRelease.PackageVersion, Does.StartWith(HubRelease.Hub + "-hub."));
        Assert.That(ReleaseCatalog.Current.Supported.Select(l => l.Hub), Is.EquivalentTo(releases.Select(r => r.Hub)), "one supported release per folder");
        Assert.That(ReleaseCatalog.Current.Supported, Does.Contain(ReleaseCatalog.Current.Own));
    }

    private static ReleaseVersion Parse(string text) => ReleaseVersion.TryParse(text, out var version) ? version : throw new ArgumentException(text);
}
