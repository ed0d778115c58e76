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
    public void AListOfAnEntityAnswersItsEnvelope()
    {
        var document = Apply<ListEnvelopeRule>(Document);

        Assert.That(document.Operation("/nodes", "get").Text("responses.200.content.application/json.schema.$ref"),
            Is.EqualTo("#/components/schemas/NodeList"));
        Assert.That(document.Operation("/nodes", "get").Text("responses.200.description"), Is.EqualTo("Ok"));
        AssertJson(document.Schema("NodeList"), """
            { "type": "object", "required": ["data", "meta"], "properties": {
              "data": { "type": "array", "items": { "$ref": "#/components/schemas/Node" } },
              "meta": { "$ref": "#/components/schemas/ListMeta" } } }
            """);
    }

    [Test]
    public void ListMetaRequiresOnlyTotal()
    {
        var meta = Apply<ListEnvelopeRule>(Document).Schema(ListEnvelopeRule.MetaSchema);

        Assert.That(meta.Strings("required"), Is.EqualTo(new[] { "total" }));
        Assert.That(meta.Keys("properties"), Is.EqualTo(new[] { "total", "limit", "offset" }));
        Assert.That(meta.Text("properties.limit.type"), Is.EqualTo("integer"));
    }

    [Test]
    public void AListOfInlineItemsGetsAnInlineEnvelope()
    {
        var document = Apply<ListEnvelopeRule>(Document);

        AssertJson(document.Operation("/tags", "get").At("responses.200.content.application/json.schema"), """
            { "type": "object", "required": ["data", "meta"], "properties": {
              "data": { "type": "array", "items": { "type": "string" } },
              "meta": { "$ref": "#/components/schemas/ListMeta" } } }
            """);
        Assert.That(document.Keys("components.schemas"), Is.EquivalentTo(new[] { "Node", "Realm", "NodeList", "ListMeta" }));
    }

    [Test]
    public void OnlyArraysOfListOperationsChange()
    {
        var document = Apply<ListEnvelopeRule>(Document);

        Assert.That(document.Operation("/nodes/{id}/tags", "get").Text("responses.200.content.application/json.schema.type"), Is.EqualTo("array"));
        Assert.That(document.Operation("/realms", "get").Text("responses.200.content.application/json.schema.$ref"),
            Is.EqualTo("#/components/schemas/Realm"));
    }

    [Test]
    public void ASchemaThatHoldsTheEnvelopeNameStopsTheBuild()
    {
        var context = Context($$"""
            { "paths": { "/nodes": {{ListOf("""{ "$ref": "#/components/schemas/Node" }""")}} },
              "components": { "schemas": { "Node": { "type": "object" }, "NodeList": { "type": "object", "properties": { "x": {} } } } } }
            """);

        Assert.That(() => new ListEnvelopeRule().Apply(context),
            Throws.TypeOf<GeneratorException>().With.Message.Contains("'NodeList'"));
    }
}
