using FlameHub.Generator.Rules;
using static FlameHub.Generator.Tests.Rules.RuleTestKit;

namespace FlameHub.Generator.Tests.Rules;

public sealed class UnusedSchemaRuleTests
{
    private const string Document = """
        { "paths": {
          "/nodes": { "post": {
            "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/CreateNode" } } } },
            "responses": { "201": { "description": "Ok", "content": { "application/json": {
              "schema": { "$ref": "#/components/schemas/Node" } } } } } } }
        },
          "components": { "schemas": {
            "CreateNode": { "type": "object", "properties": { "type": { "$ref": "#/components/schemas/NodeType" } } },
            "Node": { "type": "object", "properties": {
              "realm": { "allOf": [{ "$ref": "#/components/schemas/Realm" }] },
              "children": { "type": "array", "items": { "$ref": "#/components/schemas/Node" } } } },
            "NodeType": { "type": "string", "enum": ["default"] },
            "Realm": { "type": "object", "properties": { "parent": { "$ref": "#/components/schemas/Realm" } } },
            "PickNodeName": { "type": "object", "properties": { "owner": { "$ref": "#/components/schemas/Owner" } } },
            "Owner": { "type": "object" },
            "NonNullableNode": { "type": "object" }
          } } }
        """;

    [Test]
    public void SchemasReachedFromOperationsAreKept()
    {
        var document = Apply<UnusedSchemaRule>(Document);

        Assert.That(document.Keys("components.schemas"), Is.EquivalentTo(new[] { "CreateNode", "Node", "NodeType", "Realm" }));
        Assert.That(document.Schema("Realm").Text("properties.parent.$ref"), Is.EqualTo("#/components/schemas/Realm"));
    }

    [Test]
    public void ADocumentWithoutPathsKeepsNoSchema()
    {
        var document = Apply<UnusedSchemaRule>("""{ "components": { "schemas": { "Node": { "type": "object" } } } }""");

        Assert.That(document.Keys("components.schemas"), Is.Empty);
    }

    [Test]
    public void SchemasTheTemplatesNameByExtensionAreKept()
    {
        // A list method returns HubList<Node> and an upload IReadOnlyList<BucketFile>: named by extension, not by $ref.
        var document = Apply<UnusedSchemaRule>("""
            { "paths": {
              "/nodes": { "get": { "x-flamehub-entity-schema": "Node", "responses": {} } },
              "/buckets/{id}/upload": { "post": { "x-flamehub-item-schema": "BucketFile", "responses": {} } } },
              "components": { "schemas": {
                "Node": { "type": "object", "properties": { "type": { "$ref": "#/components/schemas/NodeType" } } },
                "NodeType": { "type": "string", "enum": ["default"] },
                "BucketFile": { "type": "object" },
                "NodeList": { "type": "object" }
              } } }
            """);

        Assert.That(document.Keys("components.schemas"), Is.EquivalentTo(new[] { "Node", "NodeType", "BucketFile" }));
    }
}
