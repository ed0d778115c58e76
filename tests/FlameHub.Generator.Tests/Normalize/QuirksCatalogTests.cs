using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Tests.Normalize;

public class QuirksCatalogTests
{
    private string _dir = null!;

    [SetUp]
    public void Create()
    {
        _dir = Path.Combine(Path.GetTempPath(), "flamehub-quirks-" + Guid.NewGuid().ToString("N"));
        foreach (var release in new[] { "hub-0.8.9", "hub-0.8.13", "hub-0.10.0" }) Directory.CreateDirectory(Path.Combine(_dir, release));
    }

    [TearDown]
    public void Remove() => Directory.Delete(_dir, recursive: true);

    [TestCase("0.8.13", "hub-0.8.13")]
    [TestCase("0.8.14", "hub-0.8.13")]
    [TestCase("0.9.2", "hub-0.8.13")]
    [TestCase("0.12.0", "hub-0.10.0")]
    [TestCase("0.8.10-rc.1", "hub-0.8.9")]
    public void A_release_uses_the_newest_quirks_at_or_below_it(string hub, string expected) =>
        Assert.That(Path.GetFileName(new QuirksCatalog(_dir).FolderFor(hub)), Is.EqualTo(expected));

    [Test]
    public void A_release_older_than_every_folder_has_no_quirks() =>
        Assert.That(new QuirksCatalog(_dir).FolderFor("0.7.0"), Is.Null);
}
