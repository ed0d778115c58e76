using FlameHub.Generator.Rules;
using static FlameHub.Generator.Tests.Rules.RuleTestKit;

namespace FlameHub.Generator.Tests.Rules;

public sealed class InlineEnumRuleTests
{
    [Test]
    public void AnInlineEnumBecomesANamedSchema()
    {
        var document = Apply<InlineEnumRule>("""
            { "components": { "schemas": { "Node": { "type": "object", "properties": {
              "type": { "type": "string", "enum": ["default", "aggregator"], "description": "The node's role." },
              "name": { "type": "string" }
            } } } } }
            """);

        AssertJson(document.Schema("NodeType"), """{ "type": "string", "enum": ["default", "aggregator"] }""");
        AssertJson(document.Schema("Node").At("properties.type"),
            """{ "$ref": "#/components/schemas/NodeType", "description": "The node's role." }""");
        AssertJson(document.Schema("Node").At("properties.name"), """{ "type": "string" }""");
    }

    [Test]
    public void ANullableEnumTakesTheAllOfForm()
    {
        var document = Apply<InlineEnumRule>("""
            { "components": { "schemas": { "Analysis": { "type": "object", "properties": {
              "build_status": { "type": "string", "enum": ["starting", "finished"], "nullable": true }
            } } } } }
            """);

        Assert.That(document.Schema("AnalysisBuildStatus").Strings("enum"), Is.EqualTo(new[] { "starting", "finished" }));
        AssertJson(document.Schema("Analysis").At("properties.build_status"),
            """{ "allOf": [{ "$ref": "#/components/schemas/AnalysisBuildStatus" }], "nullable": true }""");
    }

    [Test]
    public void AnIdenticalSchemaOfTheSameNameIsReused()
    {
        var document = Apply<InlineEnumRule>("""
            { "components": { "schemas": {
              "Node": { "type": "object", "properties": { "type": { "type": "string", "enum": ["a", "b"] } } },
              "NodeType": { "type": "string", "enum": ["a", "b"] }
            } } }
            """);

        AssertJson(document.Schema("NodeType"), """{ "type": "string", "enum": ["a", "b"] }""");
        Assert.That(document.Schema("Node").Text("properties.type.$ref"), Is.EqualTo("#/components/schemas/NodeType"));
    }

    [Test]
    public void ADifferentSchemaOfTheSameNameStopsTheBuild()
    {
        var context = Context("""
            { "components": { "schemas": {
              "Node": { "type": "object", "properties": { "type": { "type": "string", "enum": ["a", "b"] } } },
              "NodeType": { "type": "object", "properties": { "x": { "type": "string" } } }
            } } }
            """);

        Assert.That(() => new InlineEnumRule().Apply(context),
            Throws.TypeOf<GeneratorException>().With.Message.Contains("Node.type").And.Message.Contains("'NodeType'"));
    }

    [Test]
    public void RefsAndPlainPropertiesAreLeftAlone()
    {
        var document = Apply<InlineEnumRule>("""
            { "components": { "schemas": { "Node": { "type": "object", "properties": {
              "kind": { "$ref": "#/components/schemas/Kind", "enum": ["x"] },
              "name": { "type": "string" }
            } } } } }
            """);

        Assert.That(document.Keys("components.schemas"), Is.EqualTo(new[] { "Node" }));
        AssertJson(document.Schema("Node").At("properties.kind"), """{ "$ref": "#/components/schemas/Kind", "enum": ["x"] }""");
    }

    [Test]
    public void ACamelCasePropertyNamesItsEnumLikeItsSnakeCaseTwin()
    {
        var document = Apply<InlineEnumRule>("""
            { "components": { "schemas": { "Analysis": { "type": "object", "properties": {
              "buildStatus": { "type": "string", "enum": ["starting", "finished"] }
            } } } } }
            """);

        Assert.That(document.Schema("AnalysisBuildStatus").Strings("enum"), Is.EqualTo(new[] { "starting", "finished" }));
        Assert.That(document.Schema("Analysis").Text("properties.buildStatus.$ref"), Is.EqualTo("#/components/schemas/AnalysisBuildStatus"));
    }

    [Test]
    public void AnEnumOfArrayItemsBecomesANamedSchema()
    {
        // Otherwise NSwag names it from the wire name: Response_types_supported.
        var document = Apply<InlineEnumRule>("""
            { "components": { "schemas": { "OpenIdProviderMetadata": { "type": "object", "properties": {
              "response_types_supported": { "type": "array", "description": "The response types.",
                "items": { "type": "string", "enum": ["none", "code"] } }
            } } } } }
            """, "auth");

        AssertJson(document.Schema("OpenIdProviderMetadataResponseTypesSupported"), """{ "type": "string", "enum": ["none", "code"] }""");
        AssertJson(document.Schema("OpenIdProviderMetadata").At("properties.response_types_supported"), """
            { "type": "array", "description": "The response types.", "items": { "$ref": "#/components/schemas/OpenIdProviderMetadataResponseTypesSupported" } }
            """);
    }
}
