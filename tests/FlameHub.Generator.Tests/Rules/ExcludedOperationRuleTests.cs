using FlameHub.Generator.Rules;
using static FlameHub.Generator.Tests.Rules.RuleTestKit;

namespace FlameHub.Generator.Tests.Rules;

public sealed class ExcludedOperationRuleTests
{
    private const string Document = """
        { "paths": {
          "/authorize": { "post": { "x-flamehub-excluded": "interactive browser step", "responses": {} } },
          "/services/{id}/hook": {
            "post": { "x-flamehub-excluded": "inbound webhook", "responses": {} },
            "get": { "responses": {} } },
          "/nodes": { "get": { "responses": {} } }
        } }
        """;

    [Test]
    public void AnExcludedOperationLeavesTheDocumentAndItsEmptyPathWithIt()
    {
        var document = Apply<ExcludedOperationRule>(Document);

        Assert.That(document.Keys("paths"), Is.EqualTo(new[] { "/services/{id}/hook", "/nodes" }));
        Assert.That(document.Keys("paths./services/{id}/hook"), Is.EqualTo(new[] { "get" }));
    }

    [Test]
    public void EachExclusionIsListedWithItsReason()
    {
        var document = Apply<ExcludedOperationRule>(Document);

        Assert.That(ExcludedOperationRule.ExcludedOf(document), Is.EqualTo(new[]
        {
            ("POST /authorize", "interactive browser step"),
            ("POST /services/{id}/hook", "inbound webhook"),
        }));
    }

    [TestCase("\"\"")]
    [TestCase("true")]
    public void AnExclusionWithoutAReasonStopsTheBuild(string value)
    {
        var context = Context($$"""{ "paths": { "/authorize": { "post": { "x-flamehub-excluded": {{value}}, "responses": {} } } } }""", "auth");

        Assert.That(() => new ExcludedOperationRule().Apply(context),
            Throws.TypeOf<GeneratorException>().With.Message.Contains("POST /authorize").And.Message.Contains("without a reason"));
    }

    [Test]
    public void ADocumentWithoutExclusionsGetsNoList()
    {
        var document = Apply<ExcludedOperationRule>("""{ "paths": { "/nodes": { "get": { "responses": {} } } } }""");

        Assert.That(document.ContainsKey(ExcludedOperationRule.ListExtension), Is.False);
        Assert.That(ExcludedOperationRule.ExcludedOf(document), Is.Empty);
    }
}
