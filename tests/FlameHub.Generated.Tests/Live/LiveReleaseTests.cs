namespace FlameHub.Generated.Tests.Live;

/// <summary>The live tests take their Hub release from the package under test (no Hub needed to check that).</summary>
public sealed class LiveReleaseTests
{
    [Test]
    public void The_live_tests_release_is_read_from_the_package_version()
    {
        Assert.That(LiveHub.PackageRelease, Is.EqualTo(RepositoryPaths.HubRelease), "the package this run references is for this run's release");
    }

    [TestCase("0.14.0-hub.1+abc123", "0.14.0")]
    [TestCase("0.8.13-hub.12", "0.8.13")]
    public void A_package_version_names_its_Hub_release(string version, string release)
    {
        Assert.That(LiveHub.ReleaseOf(version), Is.EqualTo(release));
    }

    [Test]
    public void A_version_without_a_Hub_release_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => LiveHub.ReleaseOf("1.2.3"));
    }
}
