using FlameHub.Generator.Rules;
using static FlameHub.Generator.Tests.Rules.RuleTestKit;

namespace FlameHub.Generator.Tests.Rules;

public sealed class InlineSchemaNamingRuleTests
{
    private const string Command = """
        { "type": "object", "required": ["command"], "properties": { "command": { "type": "string" } } }
        """;

    private static readonly string Document = $$"""
        { "paths": {
          "/analyses/{id}/command": { "post": { "operationId": "runAnalysisCommand",
            "requestBody": { "content": {
              "application/json": { "schema": {{Command}} },
              "application/x-www-form-urlencoded": { "schema": {{Command}} } } },
            "responses": { "200": { "description": "Ok", "content": { "application/json": {
              "schema": { "type": "object", "properties": { "status": { "type": "string" } } } } } } } } },
          "/nodes/{id}": { "get": { "operationId": "getNode", "responses": { "200": { "description": "Ok", "content": {
            "application/json": { "schema": { "$ref": "#/components/schemas/Node" } } } } } } },
          "/tags": { "get": { "operationId": "listTags", "responses": { "200": { "description": "Ok", "content": {
            "application/json": { "schema": { "type": "array", "items": { "type": "string" } } } } } } } },
          "/ping": { "post": { "operationId": "postPing", "requestBody": { "content": {
            "application/json": { "schema": { "type": "object" } } } }, "responses": {} } }
        },
          "components": { "schemas": { "Node": { "type": "object", "properties": { "id": { "type": "string" } } } } } }
        """;

    [Test]
    public void AnInlineBodyIsNamedAfterItsOperation()
    {
        var document = Apply<InlineSchemaNamingRule>(Document);

        AssertJson(document.Schema("RunAnalysisCommandRequest"), Command);
        var content = document.Operation("/analyses/{id}/command", "post").At("requestBody.content")!;
        Assert.That(content.Text("application/json.schema.$ref"), Is.EqualTo("#/components/schemas/RunAnalysisCommandRequest"));
        Assert.That(content.Text("application/x-www-form-urlencoded.schema.$ref"), Is.EqualTo("#/components/schemas/RunAnalysisCommandRequest"));
    }

    [Test]
    public void AnInlineResponseIsNamedAfterItsOperation()
    {
        var document = Apply<InlineSchemaNamingRule>(Document);

        Assert.That(document.Schema("RunAnalysisCommandResponse").Keys("properties"), Is.EqualTo(new[] { "status" }));
        Assert.That(document.Operation("/analyses/{id}/command", "post").Text("responses.200.content.application/json.schema.$ref"),
            Is.EqualTo("#/components/schemas/RunAnalysisCommandResponse"));
    }

    [Test]
    public void RefsArraysAndEmptyObjectsStayInline()
    {
        var document = Apply<InlineSchemaNamingRule>(Document);

        Assert.That(document.Keys("components.schemas"),
            Is.EquivalentTo(new[] { "Node", "RunAnalysisCommandRequest", "RunAnalysisCommandResponse" }));
        Assert.That(document.Operation("/nodes/{id}", "get").Text("responses.200.content.application/json.schema.$ref"),
            Is.EqualTo("#/components/schemas/Node"));
        Assert.That(document.Operation("/tags", "get").Text("responses.200.content.application/json.schema.type"), Is.EqualTo("array"));
        AssertJson(document.Operation("/ping", "post").At("requestBody.content.application/json.schema"), """{ "type": "object" }""");
    }

    [Test]
    public void ADifferentSchemaOfTheSameNameStopsTheBuild()
    {
        var context = Context(Document.Replace(
            "\"Node\": {", "\"RunAnalysisCommandRequest\": { \"type\": \"string\" }, \"Node\": {", StringComparison.Ordinal));

        Assert.That(() => new InlineSchemaNamingRule().Apply(context),
            Throws.TypeOf<GeneratorException>().With.Message.Contains("'RunAnalysisCommandRequest'"));
    }

    [Test]
    public void AMultipartBodyStaysInline()
    {
        // Its parts are files the client streams itself; a named schema would be a class no method takes.
        var document = Apply<InlineSchemaNamingRule>("""
            { "paths": { "/buckets/{id}/upload": { "post": { "operationId": "uploadToBucket",
              "requestBody": { "content": { "multipart/form-data": { "schema": { "type": "object", "properties": {
                "files": { "type": "array", "items": { "type": "string", "format": "binary" } } } } } } },
              "responses": {} } } },
              "components": { "schemas": {} } }
            """);

        Assert.That(document.Keys("components.schemas"), Is.Empty);
        Assert.That(document.Operation("/buckets/{id}/upload", "post").Text("requestBody.content.multipart/form-data.schema.type"), Is.EqualTo("object"));
    }
}
