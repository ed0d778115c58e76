using FlameHub.Generator.Rules;
using static FlameHub.Generator.Tests.Rules.RuleTestKit;

namespace FlameHub.Generator.Tests.Rules;

public sealed class EntityAliasRuleTests
{
    [Test]
    public void AnAliasOfAnExistingEntityIsDroppedAndItsReferencesMoveToTheEntity()
    {
        var document = Apply<EntityAliasRule>("""
            {
              "paths": { "/nodes/{id}": { "get": { "responses": { "200": { "content": { "application/json": {
                "schema": { "$ref": "#/components/schemas/PartialNode" } } } } } } } },
              "components": { "schemas": {
                "Node": { "type": "object", "properties": { "id": { "type": "string" } } },
                "PartialNode": { "type": "object", "properties": { "other": { "type": "string" } } }
              } }
            }
            """);

        Assert.That(document.Keys("components.schemas"), Is.EqualTo(new[] { "Node" }));
        Assert.That(document.Schema("Node").Keys("properties"), Is.EqualTo(new[] { "id" }));
        Assert.That(document.Operation("/nodes/{id}", "get").Text("responses.200.content.application/json.schema.$ref"),
            Is.EqualTo("#/components/schemas/Node"));
    }

    [Test]
    public void AnAliasWithoutItsEntityIsRenamedToTheEntity()
    {
        var document = Apply<EntityAliasRule>("""
            { "components": { "schemas": {
              "BucketFileEntity": { "type": "object", "properties": {
                "bucket": { "$ref": "#/components/schemas/Bucket" },
                "parent": { "$ref": "#/components/schemas/BucketFileEntity" }
              } },
              "Bucket": { "type": "object", "properties": {
                "files": { "type": "array", "items": { "$ref": "#/components/schemas/BucketFileEntity" } }
              } }
            } } }
            """, "storage");

        Assert.That(document.Keys("components.schemas"), Is.EquivalentTo(new[] { "BucketFile", "Bucket" }));
        Assert.That(document.Schema("BucketFile").Text("properties.parent.$ref"), Is.EqualTo("#/components/schemas/BucketFile"));
        Assert.That(document.Schema("BucketFile").Text("properties.bucket.$ref"), Is.EqualTo("#/components/schemas/Bucket"));
        Assert.That(document.Schema("Bucket").Text("properties.files.items.$ref"), Is.EqualTo("#/components/schemas/BucketFile"));
    }

    [Test]
    public void ANonNullableAliasMeansItsType()
    {
        // Authup's permission check takes NonNullable<PolicyData>, which on an object type is PolicyData itself.
        var document = Apply<EntityAliasRule>("""
            {
              "paths": { "/permissions/{id}/check": { "post": { "requestBody": { "content": { "application/json": {
                "schema": { "$ref": "#/components/schemas/NonNullablePolicyData" } } } }, "responses": {} } } },
              "components": { "schemas": {
                "PolicyData": { "type": "object", "properties": { "identity": { "type": "object" } } },
                "NonNullablePolicyData": { "type": "object", "properties": { "identity": { "type": "object" } }, "required": ["identity"] }
              } }
            }
            """, "auth");

        Assert.That(document.Keys("components.schemas"), Is.EqualTo(new[] { "PolicyData" }));
        Assert.That(document.Operation("/permissions/{id}/check", "post").Text("requestBody.content.application/json.schema.$ref"),
            Is.EqualTo("#/components/schemas/PolicyData"));
    }

    [Test]
    public void NamesThatOnlyLookLikeAliasesAreKept()
    {
        var document = Apply<EntityAliasRule>("""
            { "components": { "schemas": {
              "Entity": { "type": "object" },
              "Partiality": { "type": "object" },
              "Partial": { "type": "object" },
              "NonNullable": { "type": "object" },
              "EntityInfo": { "type": "object" }
            } } }
            """);

        Assert.That(document.Keys("components.schemas"), Is.EquivalentTo(new[] { "Entity", "Partiality", "Partial", "NonNullable", "EntityInfo" }));
    }
}
