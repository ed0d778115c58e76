using System.Text.Json.Nodes;
using FlameHub.Generator.Normalize;
using static FlameHub.Generator.Tests.Rules.RuleTestKit;

namespace FlameHub.Generator.Tests.Normalize;

public class OpenApi31DowngradeTests
{
    private const string Document = """
        { "openapi": "3.1.0", "info": { "title": "t", "version": "1" }, "paths": {},
          "components": { "schemas": {
            "Node": { "type": "object", "properties": {
              "name": { "type": ["string", "null"] },
              "kind": { "const": "aggregator" },
              "type": { "type": "string", "nullable": true },
              "registry": { "$ref": "#/components/schemas/Registry", "description": "The registry." },
              "parent": { "allOf": [{ "$ref": "#/components/schemas/Registry" }], "nullable": true },
              "const": { "type": "string" } } },
            "Registry": { "type": "object", "properties": {} } } } }
        """;

    [Test]
    public void A_3_1_document_comes_out_in_3_0_form()
    {
        var downgraded = OpenApi31Downgrade.Apply(Parse(Document));
        var properties = downgraded.At("components.schemas.Node.properties")!;

        Assert.That(downgraded.Text("openapi"), Is.EqualTo("3.0.3"));
        AssertJson(properties["name"], """{ "type": "string", "nullable": true, "x-nullable": true }""");
        AssertJson(properties["kind"], """{ "enum": ["aggregator"] }""");
        AssertJson(properties["type"], """{ "type": "string", "nullable": true, "x-nullable": true }""");
        AssertJson(properties["registry"], """{ "allOf": [{ "$ref": "#/components/schemas/Registry" }], "description": "The registry." }""");
        AssertJson(properties["const"], """{ "type": "string" }""");
    }

    [Test]
    public async Task The_converter_keeps_3_0_style_nullable_of_a_3_1_document()
    {
        var converted = await SwaggerConverter.ToOpenApi3Async(Parse(Document), "test", CancellationToken.None);

        Assert.That(converted.Text("openapi"), Does.StartWith("3.0"));
        Assert.That(converted.At("components.schemas.Node.properties.type.nullable")?.GetValue<bool>(), Is.True);
        Assert.That(converted.At("components.schemas.Node.properties.name.nullable")?.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task A_nullable_allOf_stays_nullable_through_the_converter_and_the_nullable_rule()
    {
        var converted = await SwaggerConverter.ToOpenApi3Async(Parse(Document), "test", CancellationToken.None);
        var context = new NormalizationContext("core", converted, new Dictionary<string, JsonObject> { ["core"] = converted });

        new FlameHub.Generator.Rules.NullableRule().Apply(context);

        var parent = converted.At("components.schemas.Node.properties.parent")!;
        Assert.That(parent.At("nullable")?.GetValue<bool>(), Is.True);
        Assert.That(parent.At("allOf.0.$ref")?.GetValue<string>(), Is.EqualTo("#/components/schemas/Registry"));
    }

    [Test]
    public void Only_3_1_documents_are_touched()
    {
        Assert.That(OpenApi31Downgrade.Applies(Parse("""{ "openapi": "3.0.3" }""")), Is.False);
        Assert.That(OpenApi31Downgrade.Applies(Parse("""{ "swagger": "2.0" }""")), Is.False);
        Assert.That(OpenApi31Downgrade.Applies((JsonObject)JsonNode.Parse(Document)!), Is.True);
    }
}
