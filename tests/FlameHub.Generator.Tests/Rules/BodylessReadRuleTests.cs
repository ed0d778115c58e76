using FlameHub.Generator.Rules;
using static FlameHub.Generator.Tests.Rules.RuleTestKit;

namespace FlameHub.Generator.Tests.Rules;

public sealed class BodylessReadRuleTests
{
    private const string Body = """{ "content": { "application/json": { "schema": { "type": "object" } } } }""";

    private static readonly string Document = $$"""
        { "paths": { "/policies/{id}": {
          "get": { "requestBody": {{Body}}, "responses": {} },
          "delete": { "requestBody": {{Body}}, "responses": {} },
          "post": { "requestBody": {{Body}}, "responses": {} } } },
          "components": { "schemas": {} } }
        """;

    [Test]
    public void Reads_and_deletes_lose_a_declared_body_and_writes_keep_it()
    {
        var document = Apply<BodylessReadRule>(Document);

        Assert.That(document.Operation("/policies/{id}", "get").ContainsKey("requestBody"), Is.False);
        Assert.That(document.Operation("/policies/{id}", "delete").ContainsKey("requestBody"), Is.False);
        Assert.That(document.Operation("/policies/{id}", "post").ContainsKey("requestBody"), Is.True);
    }
}
