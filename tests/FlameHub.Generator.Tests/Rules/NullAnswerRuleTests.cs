using FlameHub.Generator.Rules;
using static FlameHub.Generator.Tests.Rules.RuleTestKit;

namespace FlameHub.Generator.Tests.Rules;

public sealed class NullAnswerRuleTests
{
    private const string Document = """
        { "paths": {
          "/token/revoke": { "post": { "responses": { "200": { "description": "Ok", "content": { "application/json": {
            "schema": { "enum": [null], "nullable": true, "type": "string" } } } } } } },
          "/nodes": { "get": { "responses": { "200": { "description": "Ok", "content": { "application/json": {
            "schema": { "enum": ["a"], "type": "string" } } } } } } }
        }, "components": { "schemas": {} } }
        """;

    [Test]
    public void An_answer_declared_as_null_has_no_body_and_others_keep_theirs()
    {
        var document = Apply<NullAnswerRule>(Document);

        Assert.That(document.Operation("/token/revoke", "post").At("responses.200")!.AsObject().ContainsKey("content"), Is.False);
        Assert.That(document.Operation("/nodes", "get").Text("responses.200.content.application/json.schema.enum.0"), Is.EqualTo("a"));
    }
}
