using FlameHub.Generator.Rules;
using static FlameHub.Generator.Tests.Rules.RuleTestKit;

namespace FlameHub.Generator.Tests.Rules;

public sealed class RelationRuleTests
{
    private const string Document = """
        { "components": { "schemas": {
          "Project": { "type": "object", "required": ["id", "registry_id", "registry", "master_image", "realm", "owner"], "properties": {
            "id": { "type": "string" },
            "registry_id": { "type": "string" },
            "registry": { "$ref": "#/components/schemas/Registry" },
            "master_image_id": { "type": "string", "nullable": true },
            "master_image": { "allOf": [{ "$ref": "#/components/schemas/MasterImage" }], "nullable": true },
            "realm": { "$ref": "#/components/schemas/Registry" },
            "owner_id": { "type": "string" },
            "owner": { "$ref": "#/components/schemas/OwnerKind" }
          } },
          "Registry": { "type": "object", "properties": { "id": { "type": "string" } } },
          "MasterImage": { "type": "object", "properties": { "id": { "type": "string" } } },
          "OwnerKind": { "type": "string", "enum": ["user", "robot"] }
        } } }
        """;

    [Test]
    public void AnEntityBesideItsForeignKeyBecomesAnIncludableNullableRelation()
    {
        var project = Apply<RelationRule>(Document).Schema("Project");

        AssertJson(project.At("properties.registry"),
            """{ "allOf": [{ "$ref": "#/components/schemas/Registry" }], "nullable": true, "x-flamehub-includable": true }""");
        AssertJson(project.At("properties.master_image"),
            """{ "allOf": [{ "$ref": "#/components/schemas/MasterImage" }], "nullable": true, "x-flamehub-includable": true }""");
    }

    [Test]
    public void RelationsLeaveRequiredAndTheRestStays()
    {
        var project = Apply<RelationRule>(Document).Schema("Project");

        Assert.That(project.Strings("required"), Is.EqualTo(new[] { "id", "registry_id", "realm", "owner" }));
        AssertJson(project.At("properties.registry_id"), """{ "type": "string" }""");
    }

    [Test]
    public void ARefWithoutAForeignKeyOrToANonObjectIsUntouched()
    {
        var project = Apply<RelationRule>(Document).Schema("Project");

        AssertJson(project.At("properties.realm"), """{ "$ref": "#/components/schemas/Registry" }""");
        AssertJson(project.At("properties.owner"), """{ "$ref": "#/components/schemas/OwnerKind" }""");
    }

    [Test]
    public void RelationsOfListsTheIncludableProperties()
    {
        var project = Apply<RelationRule>(Document).Schema("Project");

        Assert.That(RelationRule.RelationsOf(project), Is.EqualTo(new[] { "registry", "master_image" }));
    }

    [Test]
    public void InACamelCaseDocumentTheForeignKeyEndsInId()
    {
        var project = Apply<RelationRule>("""
            { "components": { "schemas": {
              "Project": { "type": "object", "required": ["id", "registryId", "registry", "masterImage"], "properties": {
                "id": { "type": "string" },
                "registryId": { "type": "string" },
                "registry": { "$ref": "#/components/schemas/Registry" },
                "masterImageId": { "type": "string", "nullable": true },
                "masterImage": { "$ref": "#/components/schemas/MasterImage" },
                "realm": { "$ref": "#/components/schemas/Registry" },
                "realm_id": { "type": "string" }
              } },
              "Registry": { "type": "object", "properties": { "id": { "type": "string" } } },
              "MasterImage": { "type": "object", "properties": { "id": { "type": "string" } } }
            } } }
            """).Schema("Project");

        Assert.That(RelationRule.RelationsOf(project), Is.EqualTo(new[] { "registry", "masterImage" }));
        Assert.That(project.Strings("required"), Is.EqualTo(new[] { "id", "registryId" }));
        AssertJson(project.At("properties.realm"), """{ "$ref": "#/components/schemas/Registry" }""");
    }
}
