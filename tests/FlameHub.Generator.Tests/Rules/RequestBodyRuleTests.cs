using FlameHub.Generator.Rules;
using static FlameHub.Generator.Tests.Rules.RuleTestKit;

namespace FlameHub.Generator.Tests.Rules;

public sealed class RequestBodyRuleTests
{
    private static string Body(string schemaName) => $$"""
        "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/{{schemaName}}" } } } }
        """;

    private static string Returning(string schemaName) => $$"""
        "responses": { "200": { "description": "Ok", "content": { "application/json": {
          "schema": { "$ref": "#/components/schemas/{{schemaName}}" } } } } }
        """;

    private static readonly string Document = $$"""
        { "paths": {
          "/nodes": { "post": { {{Body("Node")}}, {{Returning("Node")}} } },
          "/nodes/{id}": { "get": { {{Returning("Node")}} }, "post": { {{Body("Node")}}, {{Returning("Node")}} } },
          "/realms/{id}": { "get": { {{Returning("Realm")}} }, "put": { {{Body("Realm")}}, {{Returning("Realm")}} } },
          "/buckets/{id}": { "get": { {{Returning("Bucket")}} }, "post": { "requestBody": { "content": {
            "multipart/form-data": { "schema": { "type": "object" } } } }, {{Returning("Bucket")}} } }
        },
          "components": { "schemas": {
            "Node": { "type": "object", "required": ["id", "name", "realm_id", "realm", "created_at"],
              "x-flamehub-create-required": ["name", "realm_id", "gone"],
              "properties": {
                "id": { "type": "string", "format": "uuid" },
                "name": { "type": "string" },
                "realm_id": { "type": "string", "format": "uuid" },
                "realm": { "allOf": [{ "$ref": "#/components/schemas/Realm" }], "nullable": true, "x-flamehub-includable": true },
                "created_at": { "type": "string" },
                "updated_at": { "type": "string" }
              } },
            "Realm": { "type": "object", "properties": { "id": { "type": "string" }, "name": { "type": "string" } } },
            "Bucket": { "type": "object", "properties": { "id": { "type": "string" } } }
          } } }
        """;

    [Test]
    public void CreateAndUpdateBodiesCarryTheEntitysOwnFields()
    {
        var document = Apply<RequestBodyRule>(Document);

        foreach (var (name, dto) in new[] { ("CreateNode", "create"), ("UpdateNode", "update") })
        {
            var schema = document.Schema(name);
            Assert.That(schema.Text("type"), Is.EqualTo("object"));
            Assert.That(schema.Keys("properties"), Is.EqualTo(new[] { "name", "realm_id" }), name);
            Assert.That(schema.Text(RequestBodyRule.DtoExtension), Is.EqualTo(dto));
            AssertJson(schema.At("properties.realm_id"), """{ "type": "string", "format": "uuid" }""");
        }
    }

    [Test]
    public void OnlyACreateRequiresWhatTheEntityNames()
    {
        var document = Apply<RequestBodyRule>(Document);

        Assert.That(document.Schema("CreateNode").Strings("required"), Is.EqualTo(new[] { "name", "realm_id" }));
        Assert.That(document.Schema("UpdateNode").ContainsKey("required"), Is.False);
    }

    [Test]
    public void BodiesReferenceTheDerivedSchemas()
    {
        var document = Apply<RequestBodyRule>(Document);

        foreach (var (path, method, target) in new[] { ("/nodes", "post", "CreateNode"), ("/nodes/{id}", "post", "UpdateNode"), ("/realms/{id}", "put", "CreateRealm") })
        {
            var body = document.Operation(path, method)["requestBody"]!;
            AssertJson(body, $$"""
                { "required": true, "content": { "application/json": { "schema": { "$ref": "#/components/schemas/{{target}}" } } } }
                """);
        }
        Assert.That(document.Schema("CreateRealm").Keys("properties"), Is.EqualTo(new[] { "name" }));
    }

    [Test]
    public void TheEntitysServerFieldsBecomeReadOnly()
    {
        var node = Apply<RequestBodyRule>(Document).Schema("Node");

        foreach (var field in new[] { "id", "created_at", "updated_at" })
        {
            Assert.That(node.At($"properties.{field}.readOnly")?.GetValue<bool>(), Is.True, field);
        }
        Assert.That(node.At("properties.name.readOnly"), Is.Null);
        Assert.That(node.Strings("required"), Is.EqualTo(new[] { "id", "name", "realm_id", "realm", "created_at" }));
    }

    [Test]
    public void WhatACollectionServesToReadersIsMarkedAsEntity()
    {
        var document = Apply<RequestBodyRule>(Document.Replace(
            "\"/realms/{id}\":", $$"""
            "/token": { "post": { {{Body("TokenRequest")}}, {{Returning("TokenResponse")}} } },
            "/realms/{id}":
            """, StringComparison.Ordinal).Replace(
            "\"Bucket\": {", """
            "TokenRequest": { "type": "object", "properties": {} }, "TokenResponse": { "type": "object", "properties": {} }, "Bucket": {
            """, StringComparison.Ordinal));

        foreach (var entity in new[] { "Node", "Realm", "Bucket" })
        {
            Assert.That(document.Schema(entity).At(RequestBodyRule.EntityExtension)?.GetValue<bool>(), Is.True, entity);
        }
        foreach (var other in new[] { "CreateNode", "UpdateNode", "TokenRequest", "TokenResponse" })
        {
            Assert.That(document.Schema(other).ContainsKey(RequestBodyRule.EntityExtension), Is.False, other);
        }
    }

    [Test]
    public void ABodyWithoutJsonContentIsLeftAlone()
    {
        var document = Apply<RequestBodyRule>(Document);

        Assert.That(document.Operation("/buckets/{id}", "post").Keys("requestBody.content"), Is.EqualTo(new[] { "multipart/form-data" }));
        Assert.That(document.Keys("components.schemas"), Does.Not.Contain("UpdateBucket"));
    }

    [Test]
    public void AnExistingBodySchemaIsKept()
    {
        var document = Apply<RequestBodyRule>(Document.Replace(
            "\"Bucket\": {", "\"UpdateNode\": { \"type\": \"object\", \"properties\": { \"name\": { \"type\": \"string\" } } }, \"Bucket\": {",
            StringComparison.Ordinal));

        AssertJson(document.Schema("UpdateNode"), """{ "type": "object", "properties": { "name": { "type": "string" } } }""");
        Assert.That(document.Operation("/nodes/{id}", "post").Text("requestBody.content.application/json.schema.$ref"),
            Is.EqualTo("#/components/schemas/UpdateNode"));
    }

    [Test]
    public void InACamelCaseDocumentTheServerFieldsAreCamelCaseToo()
    {
        var document = Apply<RequestBodyRule>(Document
            .Replace("realm_id", "realmId", StringComparison.Ordinal)
            .Replace("created_at", "createdAt", StringComparison.Ordinal)
            .Replace("updated_at", "updatedAt", StringComparison.Ordinal));

        Assert.That(document.Schema("CreateNode").Keys("properties"), Is.EqualTo(new[] { "name", "realmId" }));
        Assert.That(document.Schema("CreateNode").Strings("required"), Is.EqualTo(new[] { "name", "realmId" }));
        foreach (var field in new[] { "id", "createdAt", "updatedAt" })
        {
            Assert.That(document.Schema("Node").At($"properties.{field}.readOnly")?.GetValue<bool>(), Is.True, field);
        }
    }
}
