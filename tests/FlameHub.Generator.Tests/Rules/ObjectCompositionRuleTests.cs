using FlameHub.Generator.Rules;
using static FlameHub.Generator.Tests.Rules.RuleTestKit;

namespace FlameHub.Generator.Tests.Rules;

public sealed class ObjectCompositionRuleTests
{
    [Test]
    public void An_intersection_of_objects_becomes_one_object_with_every_part()
    {
        // Authup 1.0.0-beta.62's introspection answer: allOf [OAuth2TokenPayload, {permissions, active}].
        var document = Apply<ObjectCompositionRule>("""
            { "components": { "schemas": {
                "Payload": { "type": "object", "properties": { "sub": { "type": "string" }, "exp": { "type": "number" } }, "required": ["sub"] },
                "Introspection": { "description": "The answer.", "allOf": [
                    { "$ref": "#/components/schemas/Payload" },
                    { "type": "object", "properties": { "active": { "type": "boolean" } }, "required": ["active"] } ] }
            } } }
            """);

        AssertJson(document.Schema("Introspection"), """
            { "type": "object", "properties": { "sub": { "type": "string" }, "exp": { "type": "number" }, "active": { "type": "boolean" } },
              "required": ["sub", "active"], "description": "The answer." }
            """);
    }

    [Test]
    public void An_open_part_leaves_the_object_open_and_nested_compositions_flatten_too()
    {
        var document = Apply<ObjectCompositionRule>("""
            { "components": { "schemas": {
                "Base": { "type": "object", "properties": { "id": { "type": "string" } } },
                "Middle": { "allOf": [ { "$ref": "#/components/schemas/Base" }, { "type": "object", "properties": { "name": { "type": "string" } } } ] },
                "Policy": { "allOf": [ { "$ref": "#/components/schemas/Middle" }, { "type": "object", "additionalProperties": true } ] }
            } } }
            """);

        AssertJson(document.Schema("Policy"), """
            { "type": "object", "properties": { "id": { "type": "string" }, "name": { "type": "string" } }, "additionalProperties": true }
            """);
    }

    [Test]
    public void A_composition_with_a_part_that_is_no_object_stays_as_it_is()
    {
        const string schemas = """
            { "components": { "schemas": {
                "Kind": { "type": "string", "enum": ["a", "b"] },
                "Mixed": { "allOf": [ { "$ref": "#/components/schemas/Kind" }, { "type": "object", "properties": { "x": { "type": "string" } } } ] },
                "Wrapped": { "allOf": [ { "$ref": "#/components/schemas/Kind" } ], "nullable": true }
            } } }
            """;
        var document = Apply<ObjectCompositionRule>(schemas);

        AssertJson(document.Schema("Mixed"), """{ "allOf": [ { "$ref": "#/components/schemas/Kind" }, { "type": "object", "properties": { "x": { "type": "string" } } } ] }""");
        AssertJson(document.Schema("Wrapped"), """{ "allOf": [ { "$ref": "#/components/schemas/Kind" } ], "nullable": true }""");
    }
}
