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
              "const": { "type": "string" } } },
            "Registry": { "type": "object", "properties": {} } } } }
        """;

    [Test]
    public void A_3_1_document_comes_out_in_3_0_form()
    {
        var downgraded = OpenApi31Downgrade.Apply(Parse(Document));
        var properties = downgraded.At("components.schemas.Node.properties")!;

        Assert.That(downgraded.Text("openapi"), Is.EqualTo("3.0.3"));
        AssertJson(properties["name"], """{ "type": "string", "nullable": true }""");
        AssertJson(properties["kind"], """{ "enum": ["aggregator"] }""");
        AssertJson(properties["type"], """{ "type": "string", "nullable": true }""");
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
    public void Only_3_1_documents_are_touched()
    {
        Assert.That(OpenApi31Downgrade.Applies(Parse("""{ "openapi": "3.0.3" }""")), Is.False);
        Assert.That(OpenApi31Downgrade.Applies(Parse("""{ "swagger": "2.0" }""")), Is.False);
        Assert.That(OpenApi31Downgrade.Applies((JsonObject)JsonNode.Parse(Document)!), Is.True);
    }
}
