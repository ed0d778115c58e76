using FlameHub.Generator.Rules;
using static FlameHub.Generator.Tests.Rules.RuleTestKit;

namespace FlameHub.Generator.Tests.Rules;

public sealed class NullableRuleTests
{
    [Test]
    public void XNullableBecomesNullable()
    {
        var document = Apply<NullableRule>("""
            { "components": { "schemas": { "Node": { "type": "object", "properties": {
                "name": { "type": "string", "x-nullable": true },
                "hidden": { "type": "boolean", "x-nullable": false },
                "type": { "type": "string" }
            } } } } }
            """);

        var properties = document.Schema("Node")["properties"]!;
        AssertJson(properties["name"], """{ "type": "string", "nullable": true }""");
        AssertJson(properties["hidden"], """{ "type": "boolean" }""");
        AssertJson(properties["type"], """{ "type": "string" }""");
    }

    [Test]
    public void ANullableRefTakesTheAllOfForm()
    {
        var document = Apply<NullableRule>("""
            { "components": { "schemas": { "Node": { "type": "object", "properties": {
                "realm": { "$ref": "#/components/schemas/Realm", "x-nullable": true, "description": "The realm." },
                "registry": { "$ref": "#/components/schemas/Registry", "nullable": true },
                "project": { "$ref": "#/components/schemas/Project" }
            } } } } }
            """);

        var properties = document.Schema("Node")["properties"]!;
        AssertJson(properties["realm"],
            """{ "allOf": [{ "$ref": "#/components/schemas/Realm" }], "nullable": true, "description": "The realm." }""");
        AssertJson(properties["registry"], """{ "allOf": [{ "$ref": "#/components/schemas/Registry" }], "nullable": true }""");
        AssertJson(properties["project"], """{ "$ref": "#/components/schemas/Project" }""");
    }

    [Test]
    public void XNullableIsConvertedInOperationsToo()
    {
        var document = Apply<NullableRule>("""
            { "paths": { "/nodes": { "get": { "parameters": [
                { "name": "q", "in": "query", "schema": { "type": "string", "x-nullable": true } }
            ], "responses": {} } } } }
            """);

        AssertJson(document.Operation("/nodes", "get").At("parameters.0.schema"), """{ "type": "string", "nullable": true }""");
    }
}
