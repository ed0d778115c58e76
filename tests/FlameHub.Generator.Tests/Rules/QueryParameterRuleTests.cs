using System.Text.Json.Nodes;
using FlameHub.Generator.Rules;
using static FlameHub.Generator.Tests.Rules.RuleTestKit;

namespace FlameHub.Generator.Tests.Rules;

public sealed class QueryParameterRuleTests
{
    private const string Document = """
        { "paths": {
          "/nodes": {
            "get": { "parameters": [{ "name": "sort", "in": "query", "schema": { "type": "string" } }], "responses": {} },
            "post": { "responses": {} } },
          "/nodes/{id}": { "get": { "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }],
            "responses": { "200": { "description": "Ok", "content": { "application/json": {
              "schema": { "$ref": "#/components/schemas/Node" } } } } } } },
          "/tags": { "get": { "responses": {} } },
          "/nodes/{id}/command": { "post": { "responses": {} } }
        },
          "components": { "schemas": { "Node": { "type": "object", "properties": {
            "realm_id": { "type": "string" },
            "realm": { "allOf": [{ "$ref": "#/components/schemas/Realm" }], "nullable": true, "x-flamehub-includable": true },
            "registry_id": { "type": "string" },
            "registry": { "allOf": [{ "$ref": "#/components/schemas/Registry" }], "nullable": true, "x-flamehub-includable": true }
          } } } } }
        """;

    private static string[] QueryNames(JsonObject op) =>
        op["parameters"]!.AsArray().Where(p => p!.Text("in") == "query").Select(p => p!.Text("name")!).ToArray();

    [Test]
    public void AListTakesFilterPageSortIncludeAndFields()
    {
        var list = Apply<QueryParameterRule>(Document).Operation("/nodes", "get");

        Assert.That(QueryNames(list), Is.EqualTo(new[] { "sort", "filter", "page[limit]", "page[offset]", "include", "fields" }));
        var parameters = list["parameters"]!.AsArray();
        Assert.That(parameters[1]!.Text("style"), Is.EqualTo("deepObject"));
        Assert.That(parameters[1]!.Text("schema.additionalProperties.type"), Is.EqualTo("string"));
        Assert.That(parameters[4]!.Text("style"), Is.EqualTo("form"));
        Assert.That(parameters[4]!.At("explode")!.GetValue<bool>(), Is.False);
        Assert.That(parameters[4]!.Text("schema.items.type"), Is.EqualTo("string"));
    }

    [Test]
    public void AnExistingQueryParameterIsNotRepeated()
    {
        var list = Apply<QueryParameterRule>(Document).Operation("/nodes", "get");

        Assert.That(list["parameters"]![0]!.Text("schema.type"), Is.EqualTo("string"));
        Assert.That(QueryNames(list).Count(n => n == "sort"), Is.EqualTo(1));
    }

    [Test]
    public void AGetTakesIncludeAndFieldsAndListsTheRelations()
    {
        var get = Apply<QueryParameterRule>(Document).Operation("/nodes/{id}", "get");

        Assert.That(QueryNames(get), Is.EqualTo(new[] { "include", "fields" }));
        Assert.That(get["parameters"]![0]!.Text("name"), Is.EqualTo("id"));
        Assert.That(get.Strings(QueryParameterRule.IncludesExtension), Is.EqualTo(new[] { "realm", "registry" }));
    }

    [Test]
    public void AListOfACollectionWithoutEntityIncludesNothing()
    {
        var list = Apply<QueryParameterRule>(Document).Operation("/tags", "get");

        Assert.That(list[QueryParameterRule.IncludesExtension]!.AsArray(), Is.Empty);
    }

    [Test]
    public void OtherOperationsGetNoQueryParameters()
    {
        var document = Apply<QueryParameterRule>(Document);

        foreach (var (path, method) in new[] { ("/nodes", "post"), ("/nodes/{id}/command", "post") })
        {
            AssertJson(document.Operation(path, method), """{ "responses": {} }""");
        }
    }

    [Test]
    public void ThePageIsTwoIntegerParametersAndNoSchema()
    {
        var document = Apply<QueryParameterRule>(Document);
        var parameters = document.Operation("/nodes", "get")["parameters"]!.AsArray();

        foreach (var name in new[] { "page[limit]", "page[offset]" })
        {
            var page = parameters.Single(p => p!.Text("name") == name)!;
            Assert.That(page.Text("schema.type"), Is.EqualTo("integer"), name);
            Assert.That(page.Text("schema.format"), Is.EqualTo("int32"), name);
        }
        // A schema named by a parameter becomes a generated class (PageQuery, three times) that no method takes.
        Assert.That(document.Keys("components.schemas"), Is.EqualTo(new[] { "Node" }));
    }

    [Test]
    public void IncludeNamesAreTheRelationsAsTheDocumentSpellsThem()
    {
        var get = Apply<QueryParameterRule>(Document
            .Replace("\"realm\":", "\"masterImage\":", StringComparison.Ordinal)
            .Replace("registry_id", "registryId", StringComparison.Ordinal)).Operation("/nodes/{id}", "get");

        Assert.That(get.Strings(QueryParameterRule.IncludesExtension), Is.EqualTo(new[] { "masterImage", "registry" }));
    }
}
