using FlameHub.Generator.Rules;
using static FlameHub.Generator.Tests.Rules.RuleTestKit;

namespace FlameHub.Generator.Tests.Rules;

public sealed class SchemaNamingRuleTests
{
    [TestCase("OpenIDProviderMetadata", "OpenIdProviderMetadata")]
    [TestCase("PermissionAPICheckResponse", "PermissionApiCheckResponse")]
    [TestCase("AnalysisAPICommand", "AnalysisApiCommand")]
    [TestCase("TokenGrantRequestGrant_type", "TokenGrantRequestGrantType")]
    [TestCase("Response_types_supported", "ResponseTypesSupported")]
    [TestCase("realm_id", "RealmId")]
    [TestCase("masterImageEventLog", "MasterImageEventLog")]
    [TestCase("PickRobot.name", "PickRobotName")]
    [TestCase("OAuth2JsonWebKey", "OAuth2JsonWebKey")]
    [TestCase("Node", "Node")]
    public void NamesBecomePascalCaseWords(string schema, string expected) =>
        Assert.That(SchemaNamingRule.DotNetName(schema), Is.EqualTo(expected));

    [Test]
    public void ARenamedSchemaIsRenamedEverywhereTheDocumentNamesIt()
    {
        var document = Apply<SchemaNamingRule>("""
            { "x-flamehub-shared-schemas": ["OpenIDProviderMetadata", "Realm"],
              "paths": { "/.well-known/openid-configuration": { "get": {
                "x-flamehub-entity-schema": "OpenIDProviderMetadata", "x-flamehub-item-schema": "OpenIDProviderMetadata",
                "responses": { "200": { "description": "Ok", "content": { "application/json": {
                  "schema": { "$ref": "#/components/schemas/OpenIDProviderMetadata" } } } } } } } },
              "components": { "schemas": {
                "OpenIDProviderMetadata": { "type": "object", "properties": {
                  "realm": { "allOf": [{ "$ref": "#/components/schemas/Realm" }] },
                  "self": { "$ref": "#/components/schemas/OpenIDProviderMetadata" } } },
                "Realm": { "type": "object" }
              } } }
            """, "auth");

        Assert.That(document.Keys("components.schemas"), Is.EquivalentTo(new[] { "OpenIdProviderMetadata", "Realm" }));
        var op = document.Operation("/.well-known/openid-configuration", "get");
        Assert.That(op.Text("responses.200.content.application/json.schema.$ref"), Is.EqualTo("#/components/schemas/OpenIdProviderMetadata"));
        Assert.That(op.Text(ResourceIdRule.EntitySchemaExtension), Is.EqualTo("OpenIdProviderMetadata"));
        Assert.That(op.Text(StorageTransferRule.ItemSchemaExtension), Is.EqualTo("OpenIdProviderMetadata"));
        Assert.That(document.Schema("OpenIdProviderMetadata").Text("properties.self.$ref"), Is.EqualTo("#/components/schemas/OpenIdProviderMetadata"));
        Assert.That(document.Schema("OpenIdProviderMetadata").Text("properties.realm.allOf.0.$ref"), Is.EqualTo("#/components/schemas/Realm"));
        Assert.That(document.Strings(SharedSchemaRule.Extension), Is.EqualTo(new[] { "OpenIdProviderMetadata", "Realm" }));
    }

    [Test]
    public void TwoSchemasOfOneDotNetNameStopTheBuild()
    {
        var context = Context("""{ "components": { "schemas": { "APIKey": { "type": "object" }, "ApiKey": { "type": "object" } } } }""");

        Assert.That(() => new SchemaNamingRule().Apply(context),
            Throws.TypeOf<GeneratorException>().With.Message.Contains("'APIKey'").And.Message.Contains("'ApiKey'"));
    }
}
