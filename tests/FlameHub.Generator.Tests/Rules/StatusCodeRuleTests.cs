using FlameHub.Generator.Rules;
using static FlameHub.Generator.Tests.Rules.RuleTestKit;

namespace FlameHub.Generator.Tests.Rules;

public sealed class StatusCodeRuleTests
{
    private const string Ok = """
        { "200": { "description": "Ok", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Node" } } } },
          "400": { "description": "Bad" } }
        """;

    private static readonly string Document = $$"""
        { "paths": {
          "/": { "get": { "responses": {{Ok}} } },
          "/nodes": { "get": { "responses": {{Ok}} }, "post": { "responses": {{Ok}} } },
          "/nodes/{id}": { "get": { "responses": {{Ok}} }, "post": { "responses": {{Ok}} }, "put": { "responses": {{Ok}} },
                           "delete": { "responses": {{Ok}} } },
          "/nodes/{id}/command": { "post": { "responses": {{Ok}} } },
          "/projects": { "post": { "responses": { "201": { "description": "Created" } } } }
        } }
        """;

    [TestCase("/nodes", "post", new[] { "201", "400" })]
    [TestCase("/nodes/{id}", "post", new[] { "202", "400" })]
    [TestCase("/nodes/{id}", "delete", new[] { "202", "400" })]
    [TestCase("/nodes/{id}", "put", new[] { "201", "202", "400" })]
    [TestCase("/", "get", new[] { "200", "400" })]
    [TestCase("/nodes", "get", new[] { "200", "400" })]
    [TestCase("/nodes/{id}", "get", new[] { "200", "400" })]
    [TestCase("/nodes/{id}/command", "post", new[] { "200", "400" })]
    [TestCase("/projects", "post", new[] { "201" })]
    public void StatusCodesFollowTheKind(string path, string method, string[] expected)
    {
        var document = Apply<StatusCodeRule>(Document);

        Assert.That(document.Operation(path, method).Keys("responses"), Is.EquivalentTo(expected));
    }

    [Test]
    public void TheMovedResponseKeepsItsContent()
    {
        var document = Apply<StatusCodeRule>(Document);

        var put = document.Operation("/nodes/{id}", "put");
        foreach (var status in new[] { "201", "202" })
        {
            Assert.That(put.Text($"responses.{status}.content.application/json.schema.$ref"), Is.EqualTo("#/components/schemas/Node"));
        }
        Assert.That(document.Operation("/projects", "post").Text("responses.201.description"), Is.EqualTo("Created"));
    }
}
