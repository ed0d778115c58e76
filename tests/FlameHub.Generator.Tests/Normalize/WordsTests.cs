using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Tests.Normalize;

public sealed class WordsTests
{
    [TestCase("realm_id", new[] { "realm", "id" })]
    [TestCase("realmId", new[] { "realm", "id" })]
    [TestCase("RealmID", new[] { "realm", "id" })]
    [TestCase("master-images", new[] { "master", "images" })]
    [TestCase("masterImageId", new[] { "master", "image", "id" })]
    [TestCase("HTTPServer", new[] { "http", "server" })]
    [TestCase("_data", new[] { "data" })]
    [TestCase("id", new[] { "id" })]
    public void SplitFindsTheWordsOfEveryStyle(string name, string[] words) =>
        Assert.That(Words.Split(name), Is.EqualTo(words));

    [TestCase(FieldStyle.Snake, "master_image_id")]
    [TestCase(FieldStyle.Camel, "masterImageId")]
    public void SpellWritesTheStyle(FieldStyle style, string expected) =>
        Assert.That(Words.Spell(["master", "image", "id"], style), Is.EqualTo(expected));

    [Test]
    public void TheStyleIsWhatMostMultiWordNamesUse()
    {
        Assert.That(Words.StyleOf(["id", "realm_id", "created_at", "realmId"]), Is.EqualTo(FieldStyle.Snake));
        Assert.That(Words.StyleOf(["id", "realmId", "createdAt", "_data"]), Is.EqualTo(FieldStyle.Camel));
        Assert.That(Words.StyleOf(["id", "name"]), Is.EqualTo(FieldStyle.Snake), "nothing tells: the Hub's old style");
    }
}
