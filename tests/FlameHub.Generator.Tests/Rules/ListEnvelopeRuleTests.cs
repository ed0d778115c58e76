using FlameHub.Generator.Rules;
using static FlameHub.Generator.Tests.Rules.RuleTestKit;

namespace FlameHub.Generator.Tests.Rules;

public sealed class ListEnvelopeRuleTests
{
    private static string ListOf(string items) => $$"""
        { "get": { "responses": { "200": { "description": "Ok", "content": { "application/json": {
          "schema": { "type": "array", "items": {{items}} } } } } } } }
        """;

    private static readonly string Document = $$"""
        { "paths": {
          "/nodes": {{ListOf("""{ "$ref": "#/components/schemas/Node" }""")}},
          "/nodes/{id}/tags": {{ListOf("""{ "type": "string" }""")}},
          "/tags": {{ListOf("""{ "type": "string" }""")}},
          "/realms": { "get": { "responses": { "200": { "description": "Ok", "content": { "application/json": {
            "schema": { "$ref": "#/components/schemas/Realm" } } } } } } }
        },
          "components": { "schemas": { "Node": { "type": "object" }, "Realm": { "type": "object" } } } }
        """;

    [Test]
    public void AListOfAnEntityAnswersItsItemsAndIsMarkedEnveloped()
    {
        var document = Apply<ListEnvelopeRule>(Document);

        var list = document.Operation("/nodes", "get");
        AssertJson(list.At("responses.200.content.application/json.schema"),
            """{ "type": "array", "items": { "$ref": "#/components/schemas/Node" } }""");
        Assert.That(list.Text("responses.200.description"), Is.EqualTo("Ok"));
        Assert.That(list.Text(SingleRecordEnvelopeRule.Extension), Is.EqualTo(ListEnvelopeRule.Marker));
    }

    [Test]
    public void NoEnvelopeOrMetaSchemaIsCreated()
    {
        // The client reads every list as HubList<T> over its own ListMeta: a schema per envelope would be a dead class.
        var document = Apply<ListEnvelopeRule>(Document);

        Assert.That(document.Keys("components.schemas"), Is.EquivalentTo(new[] { "Node", "Realm" }));
    }

    [Test]
    public void ADeclaredEnvelopeIsUnwrappedToItsItems()
    {
        var document = Apply<ListEnvelopeRule>("""
            { "paths": { "/nodes": { "get": { "responses": { "200": { "description": "Ok", "content": { "application/json": {
                "schema": { "$ref": "#/components/schemas/NodeList" } } } } } } } },
              "components": { "schemas": { "Node": { "type": "object" },
                "NodeList": { "type": "object", "properties": {
                  "data": { "type": "array", "items": { "$ref": "#/components/schemas/Node" } },
                  "meta": { "type": "object" } } } } } }
            """);

        AssertJson(document.Operation("/nodes", "get").At("responses.200.content.application/json.schema"),
            """{ "type": "array", "items": { "$ref": "#/components/schemas/Node" } }""");
    }

    [Test]
    public void AListOfInlineItemsAnswersTheInlineItems()
    {
        var document = Apply<ListEnvelopeRule>(Document);

        AssertJson(document.Operation("/tags", "get").At("responses.200.content.application/json.schema"),
            """{ "type": "array", "items": { "type": "string" } }""");
        Assert.That(document.Operation("/tags", "get").Text(SingleRecordEnvelopeRule.Extension), Is.EqualTo(ListEnvelopeRule.Marker));
    }

    [Test]
    public void OnlyListOperationsAreMarked()
    {
        var document = Apply<ListEnvelopeRule>(Document);

        Assert.That(document.Operation("/nodes/{id}/tags", "get").Text("responses.200.content.application/json.schema.type"), Is.EqualTo("array"));
        Assert.That(document.Operation("/nodes/{id}/tags", "get").At(SingleRecordEnvelopeRule.Extension), Is.Null);
        Assert.That(document.Operation("/realms", "get").Text("responses.200.content.application/json.schema.$ref"),
            Is.EqualTo("#/components/schemas/Realm"));
        Assert.That(document.Operation("/realms", "get").At(SingleRecordEnvelopeRule.Extension), Is.Null);
    }
}
