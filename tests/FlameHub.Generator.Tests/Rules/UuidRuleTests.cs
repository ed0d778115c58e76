using System.Text.Json.Nodes;
using FlameHub.Generator.Normalize;
using FlameHub.Generator.Rules;
using static FlameHub.Generator.Tests.Rules.RuleTestKit;

namespace FlameHub.Generator.Tests.Rules;

public sealed class UuidRuleTests
{
    private const string Auth = """
        { "paths": {
          "/realms": { "get": { "responses": {} } },
          "/realms/{id}": { "get": { "responses": {} } },
          "/token": { "post": { "responses": {} } }
        } }
        """;

    private static JsonObject Normalize(string coreJson)
    {
        var core = Parse(coreJson);
        var served = new Dictionary<string, JsonObject> { ["auth"] = Parse(Auth), ["core"] = core };
        new UuidRule().Apply(new NormalizationContext("core", core, served));
        return core;
    }

    private const string Core = """
        {
          "paths": {
            "/nodes/{id}": { "get": { "responses": {} } },
            "/master-images": { "get": { "responses": {} } },
            "/analyses/{id}/command": { "post": { "responses": {} } }
          },
          "components": { "schemas": { "Node": { "type": "object", "properties": {
            "id": { "type": "string" },
            "realm_id": { "type": "string" },
            "node_realm_id": { "type": "string" },
            "master_image_id": { "type": "string", "nullable": true },
            "external_id": { "type": "string" },
            "account_id": { "type": "string" },
            "actor_id": { "type": "string" },
            "command_id": { "type": "string" },
            "token_id": { "type": "string" },
            "hash_id": { "type": "string", "format": "byte" },
            "count_id": { "type": "integer" },
            "name": { "type": "string" }
          } } } }
        }
        """;

    [TestCase("id")]
    [TestCase("realm_id")]
    [TestCase("node_realm_id")]
    [TestCase("master_image_id")]
    public void HubIdsGetTheUuidFormat(string property) =>
        Assert.That(Normalize(Core).Schema("Node").Text($"properties.{property}.format"), Is.EqualTo("uuid"));

    [TestCase("external_id")]
    [TestCase("account_id")]
    [TestCase("actor_id")]
    [TestCase("command_id")]
    [TestCase("token_id")]
    [TestCase("count_id")]
    [TestCase("name")]
    public void OtherPropertiesStayWithoutFormat(string property) =>
        Assert.That(Normalize(Core).Schema("Node").At($"properties.{property}.format"), Is.Null);

    [Test]
    public void AnExistingFormatIsKept()
    {
        var node = Normalize(Core).Schema("Node");
        Assert.That(node.Text("properties.hash_id.format"), Is.EqualTo("byte"));
        Assert.That(node.At("properties.master_image_id.nullable")?.GetValue<bool>(), Is.True);
    }

    [Test]
    public void StemsComeFromTheListsAndGetsOfEveryService()
    {
        var context = new NormalizationContext("core", Parse(Core),
            new Dictionary<string, JsonObject> { ["auth"] = Parse(Auth), ["core"] = Parse(Core) });
        Assert.That(context.EntityStems, Is.EquivalentTo(new[] { "realm", "node", "master_image" }));
    }

    private const string CamelCore = """
        {
          "paths": { "/nodes/{id}": { "get": { "responses": {} } }, "/master-images": { "get": { "responses": {} } } },
          "components": { "schemas": { "Node": { "type": "object", "properties": {
            "id": { "type": "string" },
            "realmId": { "type": "string" },
            "nodeRealmId": { "type": "string" },
            "masterImageId": { "type": "string" },
            "externalId": { "type": "string" },
            "registry_id": { "type": "string" },
            "createdAt": { "type": "string" }
          } } } }
        }
        """;

    [TestCase("id")]
    [TestCase("realmId")]
    [TestCase("nodeRealmId")]
    [TestCase("masterImageId")]
    public void InACamelCaseDocumentHubIdsEndInId(string property) =>
        Assert.That(Normalize(CamelCore).Schema("Node").Text($"properties.{property}.format"), Is.EqualTo("uuid"));

    [TestCase("externalId")]
    [TestCase("registry_id")]
    [TestCase("createdAt")]
    public void InACamelCaseDocumentOtherNamesStayWithoutFormat(string property) =>
        Assert.That(Normalize(CamelCore).Schema("Node").At($"properties.{property}.format"), Is.Null);

    [Test]
    public void AStrayCamelCaseNameInASnakeCaseDocumentIsNoForeignKey()
    {
        var node = Normalize(Core.Replace("\"name\": { \"type\": \"string\" }", "\"realmId\": { \"type\": \"string\" }", StringComparison.Ordinal)).Schema("Node");

        Assert.That(node.At("properties.realmId.format"), Is.Null);
        Assert.That(node.Text("properties.realm_id.format"), Is.EqualTo("uuid"));
    }
}
