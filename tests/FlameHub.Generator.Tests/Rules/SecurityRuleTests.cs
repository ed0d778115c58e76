using FlameHub.Generator.Rules;
using static FlameHub.Generator.Tests.Rules.RuleTestKit;

namespace FlameHub.Generator.Tests.Rules;

public sealed class SecurityRuleTests
{
    private const string Document = """
        { "paths": {
          "/": { "get": { "responses": {} } },
          "/nodes": { "get": { "security": [], "responses": {} }, "post": { "responses": {} } },
          "/token": { "post": { "x-flamehub-kind": "token", "security": [], "responses": {} } },
          "/nodes/{id}": { "delete": { "x-flamehub-kind": "delete", "security": [{ "other": [] }], "responses": {} } }
        },
          "components": { "schemas": {}, "securitySchemes": { "other": { "type": "apiKey", "name": "k", "in": "header" },
            "basicAuth": { "type": "http", "scheme": "basic" } } } }
        """;

    [TestCase("core")]
    [TestCase("storage")]
    public void CoreAndStorageTakeBearerOrBasic(string service)
    {
        var document = Apply<SecurityRule>(Document, service);

        AssertJson(document["security"], """[{ "bearer": [] }, { "basic": [] }]""");
        AssertJson(document.At("components.securitySchemes"), """
            { "bearer": { "type": "http", "scheme": "bearer", "bearerFormat": "JWT" },
              "basic": { "type": "http", "scheme": "basic" } }
            """);
    }

    [TestCase("core")]
    [TestCase("storage")]
    public void A_service_whose_document_declares_no_Basic_scheme_takes_only_bearer(string service)
    {
        var document = Apply<SecurityRule>(Document.Replace("\"basicAuth\": { \"type\": \"http\", \"scheme\": \"basic\" }", "\"x\": { \"type\": \"apiKey\", \"name\": \"x\", \"in\": \"header\" }"), service);

        AssertJson(document["security"], """[{ "bearer": [] }]""");
        Assert.That(document.Keys("components.securitySchemes"), Is.EqualTo(new[] { "bearer" }));
    }

    [Test]
    public void AuthTakesOnlyBearer()
    {
        var document = Apply<SecurityRule>(Document, "auth");

        AssertJson(document["security"], """[{ "bearer": [] }]""");
        Assert.That(document.Keys("components.securitySchemes"), Is.EqualTo(new[] { "bearer" }));
    }

    [Test]
    public void OperationsInheritTheDocumentsSecurity()
    {
        var document = Apply<SecurityRule>(Document);

        foreach (var (path, method) in new[] { ("/nodes", "get"), ("/nodes", "post"), ("/nodes/{id}", "delete") })
        {
            Assert.That(document.Operation(path, method).ContainsKey("security"), Is.False, $"{method} {path}");
        }
    }

    [Test]
    public void TheStatusAndTheTokenEndpointStayOpen()
    {
        var document = Apply<SecurityRule>(Document, "auth");

        AssertJson(document.Operation("/", "get")["security"], "[]");
        AssertJson(document.Operation("/token", "post")["security"], "[]");
    }
}
