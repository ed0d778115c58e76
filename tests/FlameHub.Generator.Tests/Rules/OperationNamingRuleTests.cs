using FlameHub.Generator.Normalize;
using FlameHub.Generator.Rules;
using static FlameHub.Generator.Tests.Rules.RuleTestKit;

namespace FlameHub.Generator.Tests.Rules;

public sealed class OperationNamingRuleTests
{
    [TestCase("get", "/", "getStatus")]
    [TestCase("get", "/nodes", "listNodes")]
    [TestCase("get", "/nodes/{id}", "getNode")]
    [TestCase("post", "/nodes", "createNode")]
    [TestCase("post", "/nodes/{id}", "updateNode")]
    [TestCase("put", "/realms/{id}", "replaceRealm")]
    [TestCase("delete", "/nodes/{id}", "deleteNode")]
    [TestCase("post", "/analyses/{id}/command", "runAnalysisCommand")]
    [TestCase("post", "/buckets/{id}/upload", "uploadToBucket")]
    [TestCase("get", "/bucket-files/{id}/stream", "streamBucketFile")]
    [TestCase("post", "/master-images/command", "runMasterImageCommand")]
    [TestCase("get", "/token/introspect", "getTokenIntrospection")]
    [TestCase("post", "/token/introspect", "introspectToken")]
    [TestCase("get", "/realms/{id}/jwks/{keyId}", "getRealmJwk")]
    [TestCase("get", "/realms/{id}/jwks", "getRealmJwks")]
    [TestCase("post", "/authorize", "authorize")]
    [TestCase("get", "/.well-known/openid-configuration", "getOpenidConfiguration")]
    [TestCase("post", "/users/password-forgot", "requestUserPasswordReset")]
    [TestCase("get", "/analyses", "listAnalyses")]
    [TestCase("get", "/analyses/{id}", "getAnalysis")]
    [TestCase("get", "/registries/{id}", "getRegistry")]
    [TestCase("delete", "/policies/{id}", "deletePolicy")]
    [TestCase("post", "/identity-providers", "createIdentityProvider")]
    [TestCase("get", "/master-image-groups/{id}", "getMasterImageGroup")]
    public void NameOfReadsMethodAndPath(string method, string path, string expected) =>
        Assert.That(OperationNamingRule.NameOf(OperationShape.Of(method, path)), Is.EqualTo(expected));

    [Test]
    public void ApplySetsIdKindAndResource()
    {
        var document = Apply<OperationNamingRule>("""
            { "paths": {
              "/": { "get": { "operationId": "Status" } },
              "/nodes": { "get": { "operationId": "GetMany" }, "post": { "operationId": "Add" } },
              "/nodes/{id}": { "get": { "operationId": "GetOne" }, "delete": { "operationId": "Drop" } },
              "/analyses/{id}/command": { "post": { "operationId": "Command" } },
              "/.well-known/openid-configuration": { "get": { "operationId": "Get" } }
            } }
            """);

        (string Path, string Method, string Id, string Kind)[] expected =
        [
            ("/", "get", "getStatus", "root"),
            ("/nodes", "get", "listNodes", "list"),
            ("/nodes", "post", "createNode", "create"),
            ("/nodes/{id}", "get", "getNode", "get"),
            ("/nodes/{id}", "delete", "deleteNode", "delete"),
            ("/analyses/{id}/command", "post", "runAnalysisCommand", "action"),
            ("/.well-known/openid-configuration", "get", "getOpenidConfiguration", "action"),
        ];
        foreach (var (path, method, id, kind) in expected)
        {
            var op = document.Operation(path, method);
            Assert.That(op.Text("operationId"), Is.EqualTo(id), path);
            Assert.That(op.Text(OperationNamingRule.KindExtension), Is.EqualTo(kind), path);
        }
        Assert.That(document.Operation("/nodes/{id}", "get").Text(OperationNamingRule.ResourceExtension), Is.EqualTo("nodes"));
        Assert.That(document.Operation("/analyses/{id}/command", "post").Text(OperationNamingRule.ResourceExtension), Is.EqualTo("analyses"));
        Assert.That(document.Operation("/", "get").ContainsKey(OperationNamingRule.ResourceExtension), Is.False);
        Assert.That(document.Operation("/.well-known/openid-configuration", "get").ContainsKey(OperationNamingRule.ResourceExtension), Is.False);
    }

    [Test]
    public void UpdateAndReplaceKinds()
    {
        var document = Apply<OperationNamingRule>("""
            { "paths": { "/realms/{id}": { "post": {}, "put": {} } } }
            """, "auth");

        Assert.That(document.Operation("/realms/{id}", "post").Text(OperationNamingRule.KindExtension), Is.EqualTo("update"));
        Assert.That(document.Operation("/realms/{id}", "put").Text(OperationNamingRule.KindExtension), Is.EqualTo("replace"));
        Assert.That(document.Operation("/realms/{id}", "put").Text("operationId"), Is.EqualTo("replaceRealm"));
    }

    [Test]
    public void OneWordForTwoMethodsGivesTwoNames()
    {
        var document = Apply<OperationNamingRule>("""
            { "paths": { "/token/introspect": { "get": {}, "post": {} } } }
            """, "auth");

        Assert.That(document.Operation("/token/introspect", "get").Text("operationId"), Is.EqualTo("getTokenIntrospection"));
        Assert.That(document.Operation("/token/introspect", "post").Text("operationId"), Is.EqualTo("introspectToken"));
    }

    [Test]
    public void ACollisionStopsTheBuild()
    {
        var context = Context("""
            { "paths": { "/realms/{id}/jwks/{keyId}": { "get": {} }, "/realms/{id}/jwk": { "get": {} } } }
            """, "auth");

        Assert.That(() => new OperationNamingRule().Apply(context),
            Throws.TypeOf<GeneratorException>().With.Message.Contains("'getRealmJwk'").And.Message.Contains("ActionPhrases"));
    }
}
