using System.Text.Json.Nodes;
using FlameHub.Generator.Rules;
using static FlameHub.Generator.Tests.Rules.RuleTestKit;

namespace FlameHub.Generator.Tests.Rules;

public sealed class ResourceIdRuleTests
{
    private const string Core = """
        { "paths": {
            "/nodes": { "get": { "x-flamehub-resource": "nodes", "responses": {} } },
            "/nodes/{id}": {
              "get": { "x-flamehub-resource": "nodes",
                       "parameters": [ { "in": "path", "name": "id", "required": true, "schema": { "type": "string" } },
                                       { "in": "query", "name": "id", "schema": { "type": "string" } } ],
                       "responses": { "200": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Node" } } } } } } },
            "/nodes/{id}/keys/{keyId}": {
              "get": { "x-flamehub-resource": "nodes",
                       "parameters": [ { "in": "path", "name": "id", "required": true, "schema": { "type": "string" } },
                                       { "in": "path", "name": "keyId", "required": true, "schema": { "type": "string" } } ],
                       "responses": {} } },
            "/tags/{id}": {
              "get": { "x-flamehub-resource": "tags",
                       "parameters": [ { "in": "path", "name": "id", "required": true, "schema": { "type": "string" } } ],
                       "responses": { "200": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Tag" } } } } } } },
            "/": { "get": { "responses": {} } }
          },
          "components": { "schemas": {
            "Node": { "type": "object", "properties": { "id": { "type": "string", "format": "uuid" } } },
            "Tag": { "type": "object", "properties": { "id": { "type": "string" } } }
          } } }
        """;

    private static JsonObject Normalized() => Apply<ResourceIdRule>(Core);

    [TestCase("/nodes", "get")]
    [TestCase("/nodes/{id}", "get")]
    [TestCase("/nodes/{id}/keys/{keyId}", "get")]
    public void ResourceOperationsNameTheirEntitySchema(string path, string method) =>
        Assert.That(Normalized().Operation(path, method).Text("x-flamehub-entity-schema"), Is.EqualTo("Node"));

    [Test]
    public void OperationsWithoutResourceGetNoEntity() =>
        Assert.That(Normalized().Operation("/", "get").ContainsKey("x-flamehub-entity-schema"), Is.False);

    [Test]
    public void TheItemIdTakesTheEntityIdFormat()
    {
        var operation = Normalized().Operation("/nodes/{id}", "get");
        Assert.That(operation.Text("parameters.0.schema.format"), Is.EqualTo("uuid"));
        Assert.That(operation.At("parameters.1.schema.format"), Is.Null, "a query parameter named id is not the item id");
    }

    [Test]
    public void SubResourcePathsKeepOtherParametersAsTheyAre()
    {
        var operation = Normalized().Operation("/nodes/{id}/keys/{keyId}", "get");
        Assert.That(operation.Text("parameters.0.schema.format"), Is.EqualTo("uuid"));
        Assert.That(operation.At("parameters.1.schema.format"), Is.Null);
    }

    [Test]
    public void AnEntityWhoseIdIsAPlainStringKeepsAStringParameter() =>
        Assert.That(Normalized().Operation("/tags/{id}", "get").At("parameters.0.schema.format"), Is.Null);
}
