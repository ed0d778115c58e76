using FlameHub.Generator.Rules;
using static FlameHub.Generator.Tests.Rules.RuleTestKit;

namespace FlameHub.Generator.Tests.Rules;

public sealed class MountedCopyRuleTests
{
    private const string Answer = """{ "200": { "description": "Ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/User" } } } } }""";

    private static readonly string Document = $$"""
        { "paths": {
          "/users": { "get": { "operationId": "GetMany", "responses": {{Answer}} } },
          "/users/{id}": { "get": { "operationId": "GetOne", "responses": {{Answer}} } },
          "/realms/{realmId}/users": { "get": { "operationId": "GetMany", "parameters": [{ "name": "realmId", "in": "path" }], "responses": {{Answer}} } },
          "/realms/{realmId}/users/{id}": { "get": { "responses": {{Answer}} }, "delete": { "responses": {} } },
          "/realms/{realmId}/roles": { "get": { "responses": { "200": { "description": "Ok" } } } },
          "/roles": { "get": { "responses": {{Answer}} } },
          "/realms/{id}/jwks": { "get": { "responses": {{Answer}} } },
          "/jwks": { "get": { "responses": {{Answer}} } }
        }, "components": { "schemas": { "User": { "type": "object" } } } }
        """;

    [Test]
    public void A_mounted_path_repeating_the_top_level_one_is_dropped_and_listed()
    {
        var document = Parse(Document);

        MountedCopyRule.Apply(document);

        Assert.That(document.Keys("paths"), Does.Not.Contain("/realms/{realmId}/users"));
        Assert.That(document.At("x-flamehub-excluded-operations.0.operation")!.GetValue<string>(), Is.EqualTo("GET /realms/{realmId}/users"));
        Assert.That(document.At("x-flamehub-excluded-operations.0.reason")!.GetValue<string>(), Does.Contain("repeats GET /users"));
    }

    [Test]
    public void A_mounted_path_with_an_operation_the_top_level_one_lacks_or_answers_differently_stays()
    {
        var document = Parse(Document);

        MountedCopyRule.Apply(document);

        Assert.That(document.Keys("paths"), Does.Contain("/realms/{realmId}/users/{id}"), "DELETE exists only mounted");
        Assert.That(document.Keys("paths"), Does.Contain("/realms/{realmId}/roles"), "answers differently");
    }

    [Test]
    public void An_items_own_sub_resource_is_no_mount()
    {
        var document = Parse(Document);

        MountedCopyRule.Apply(document);

        Assert.That(document.Keys("paths"), Does.Contain("/realms/{id}/jwks"));
    }
}
