using System.Text.Json.Nodes;
using FlameHub.Generator.Normalize;
using FlameHub.Generator.Rules;
using static FlameHub.Generator.Tests.Rules.RuleTestKit;

namespace FlameHub.Generator.Tests.Rules;

public sealed class SharedSchemaRuleTests
{
    private const string ServedAuth = """
        { "components": { "schemas": {
          "User": { "type": "object", "properties": { "status": { "type": "string", "enum": ["active"] },
            "realm": { "$ref": "#/components/schemas/Realm" } } },
          "Realm": { "type": "object", "properties": { "id": { "type": "string" } } },
          "Client": { "type": "object", "properties": { "id": { "type": "string" } } }
        } } }
        """;

    private const string NormalizedAuth = """
        { "components": { "schemas": {
          "User": { "type": "object", "properties": { "status": { "$ref": "#/components/schemas/UserStatus" },
            "realm": { "$ref": "#/components/schemas/Realm" } } },
          "UserStatus": { "type": "string", "enum": ["active"] },
          "Realm": { "type": "object", "properties": { "id": { "type": "string" } } }
        } } }
        """;

    private const string ServedCore = """
        { "components": { "schemas": {
          "User": { "type": "object", "properties": { "status": { "type": "string", "enum": ["active"] },
            "realm": { "$ref": "#/components/schemas/Realm" } } },
          "Realm": { "type": "object", "properties": { "id": { "type": "string" }, "node_count": { "type": "integer" } } },
          "Client": { "type": "object", "properties": { "id": { "type": "string" } } },
          "Node": { "type": "object", "properties": { "type": { "type": "string", "enum": ["default"] } } }
        } } }
        """;

    private const string WorkingCore = """
        { "components": { "schemas": {
          "User": { "type": "object", "properties": { "status": { "$ref": "#/components/schemas/UserStatus" },
            "realm": { "$ref": "#/components/schemas/Realm" } } },
          "UserStatus": { "type": "string", "enum": ["active"] },
          "Realm": { "type": "object", "properties": { "id": { "type": "string" }, "node_count": { "type": "integer" } } },
          "Node": { "type": "object", "properties": { "type": { "$ref": "#/components/schemas/NodeType" } } },
          "NodeType": { "type": "string", "enum": ["default"] }
        } } }
        """;

    private static JsonObject Apply(string service, string served, string working, string normalizedAuth = NormalizedAuth)
    {
        var document = Parse(working);
        var context = new NormalizationContext(service, document,
            new Dictionary<string, JsonObject> { ["auth"] = Parse(ServedAuth), [service] = Parse(served) },
            new Dictionary<string, JsonObject> { ["auth"] = Parse(normalizedAuth) });
        new SharedSchemaRule().Apply(context);
        return document;
    }

    [Test]
    public void AnIdenticalSchemaIsSharedWithTheEnumsDerivedFromIt()
    {
        var document = Apply("core", ServedCore, WorkingCore);

        Assert.That(document.Strings(SharedSchemaRule.Extension), Does.Contain("User").And.Contain("UserStatus"));
        Assert.That(SharedSchemaRule.SharedOf(document), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
    }

    [Test]
    public void SchemasOnlyCoreHasOrThatCoreDroppedAreNotShared()
    {
        var shared = Apply("core", ServedCore, WorkingCore).Strings(SharedSchemaRule.Extension);

        Assert.That(shared, Has.No.Member("Node").And.No.Member("NodeType").And.No.Member("Client"));
    }

    [Test]
    public void ASchemaThatDiffersFromAuthsIsNotSharedThroughAReference() =>
        Assert.That(SharedSchemaRule.SharedOf(Apply("core", ServedCore, WorkingCore)), Is.EqualTo(new[] { "User", "UserStatus" }));

    [Test]
    public void ADerivedSchemaAuthDoesNotHaveIsNotShared()
    {
        var document = Apply("core", ServedCore, WorkingCore, NormalizedAuth.Replace("\"UserStatus\"", "\"AuthUserStatus\"", StringComparison.Ordinal));

        Assert.That(SharedSchemaRule.SharedOf(document), Has.Member("User").And.No.Member("UserStatus"));
    }

    [Test]
    public void AuthSharesNothingWithItself() =>
        Assert.That(Apply("auth", ServedAuth, NormalizedAuth).ContainsKey(SharedSchemaRule.Extension), Is.False);

    [Test]
    public void WithoutSharedSchemasTheDocumentGetsNoList()
    {
        const string storage = """{ "components": { "schemas": { "Bucket": { "type": "object" } } } }""";

        Assert.That(Apply("storage", storage, storage).ContainsKey(SharedSchemaRule.Extension), Is.False);
    }
}
