using FlameHub.Generator.Rules;
using static FlameHub.Generator.Tests.Rules.RuleTestKit;

namespace FlameHub.Generator.Tests.Rules;

public sealed class SingleRecordEnvelopeRuleTests
{
    private static string Returning(string schema) => $$"""
        "responses": { "200": { "description": "Ok", "content": { "application/json": { "schema": {{schema}} } } } }
        """;

    private const string Envelope = """
        { "type": "object", "properties": { "data": { "$ref": "#/components/schemas/Node" }, "meta": { "type": "object" } } }
        """;

    private static readonly string Document = $$"""
        { "paths": {
          "/nodes": { "get": { {{Returning("""{ "type": "array", "items": { "$ref": "#/components/schemas/Node" } }""")}} },
                      "post": { {{Returning(Envelope)}} } },
          "/nodes/{id}": { "get": { {{Returning("""{ "$ref": "#/components/schemas/NodeRecord" }""")}} },
                           "delete": { {{Returning("""{ "$ref": "#/components/schemas/Node" }""")}} } },
          "/analyses/{id}": { "get": { {{Returning("""{ "$ref": "#/components/schemas/Analysis" }""")}} } },
          "/buckets/{id}": { "get": { {{Returning("""{ "type": "object", "properties": { "data": { "type": "string" }, "meta": { "type": "object" } } }""")}} } }
        },
          "components": { "schemas": {
            "Node": { "type": "object", "properties": { "id": { "type": "string" } } },
            "NodeRecord": { "type": "object", "properties": {
              "data": { "allOf": [{ "$ref": "#/components/schemas/Node" }] }, "meta": { "$ref": "#/components/schemas/Meta" } } },
            "Meta": { "type": "object", "properties": {} },
            "Analysis": { "type": "object", "properties": { "data": { "$ref": "#/components/schemas/Node" }, "name": { "type": "string" } } }
          } } }
        """;

    [Test]
    public void AnEnvelopedRecordBecomesTheRecordAndTheOperationIsMarked()
    {
        var document = Apply<SingleRecordEnvelopeRule>(Document);

        foreach (var (path, method) in new[] { ("/nodes", "post"), ("/nodes/{id}", "get") })
        {
            var op = document.Operation(path, method);
            Assert.That(op.Text("responses.200.content.application/json.schema.$ref"), Is.EqualTo("#/components/schemas/Node"), $"{method} {path}");
            Assert.That(op.Text(SingleRecordEnvelopeRule.Extension), Is.EqualTo("data"), $"{method} {path}");
        }
    }

    [Test]
    public void NothingIsUnwrappedThatTheDocumentDoesNotDeclareWrapped()
    {
        var document = Apply<SingleRecordEnvelopeRule>(Document);

        // A bare record, a list, an entity that merely has a data field, and a data that is no record.
        foreach (var (path, method) in new[] { ("/nodes/{id}", "delete"), ("/nodes", "get"), ("/analyses/{id}", "get"), ("/buckets/{id}", "get") })
        {
            var op = document.Operation(path, method);
            Assert.That(op.ContainsKey(SingleRecordEnvelopeRule.Extension), Is.False, $"{method} {path}");
        }
        Assert.That(document.Operation("/buckets/{id}", "get").Keys("responses.200.content.application/json.schema.properties"),
            Is.EqualTo(new[] { "data", "meta" }));
    }
}
