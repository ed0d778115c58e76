using FlameHub.Generator.Rules;
using static FlameHub.Generator.Tests.Rules.RuleTestKit;

namespace FlameHub.Generator.Tests.Rules;

public sealed class PathParameterRuleTests
{
    [Test]
    public void UndeclaredPathParametersAreAddedAsRequiredStrings()
    {
        var document = Apply<PathParameterRule>("""
            { "paths": { "/realms/{id}/jwks/{keyId}": { "get": { "responses": {} } } } }
            """);

        var parameters = document.Operation("/realms/{id}/jwks/{keyId}", "get")["parameters"]!.AsArray();
        Assert.That(parameters.Select(p => p!.Text("name")), Is.EqualTo(new[] { "id", "keyId" }), "declared in path order");
        AssertJson(parameters.Single(p => p!.Text("name") == "id"),
            """{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }""");
    }

    [Test]
    public void DeclaredParametersAreKeptAndNotRepeated()
    {
        var document = Apply<PathParameterRule>("""
            { "paths": { "/nodes/{id}": { "get": { "parameters": [
                { "name": "id", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } },
                { "name": "include", "in": "query", "schema": { "type": "string" } }
            ], "responses": {} } } } }
            """);

        var parameters = document.Operation("/nodes/{id}", "get")["parameters"]!.AsArray();
        Assert.That(parameters, Has.Count.EqualTo(2));
        Assert.That(parameters[0]!.Text("schema.format"), Is.EqualTo("uuid"));
        Assert.That(parameters[1]!.Text("name"), Is.EqualTo("include"));
    }

    [Test]
    public void AQueryParameterOfTheSameNameDoesNotDeclareThePathParameter()
    {
        var document = Apply<PathParameterRule>("""
            { "paths": { "/nodes/{id}": { "delete": { "parameters": [
                { "name": "id", "in": "query", "schema": { "type": "string" } }
            ], "responses": {} } } } }
            """);

        var parameters = document.Operation("/nodes/{id}", "delete")["parameters"]!.AsArray();
        Assert.That(parameters.Select(p => p!.Text("in")), Is.EquivalentTo(new[] { "path", "query" }));
    }

    [Test]
    public void AnOperationWithoutParametersGetsNoEmptyList()
    {
        var document = Apply<PathParameterRule>("""
            { "paths": { "/nodes": { "get": { "parameters": [], "responses": {} }, "post": { "responses": {} } } } }
            """);

        Assert.That(document.Operation("/nodes", "get").ContainsKey("parameters"), Is.False);
        Assert.That(document.Operation("/nodes", "post").ContainsKey("parameters"), Is.False);
    }
}
