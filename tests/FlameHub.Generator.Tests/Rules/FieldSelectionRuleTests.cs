using FlameHub.Generator.Rules;
using static FlameHub.Generator.Tests.Rules.RuleTestKit;

namespace FlameHub.Generator.Tests.Rules;

public sealed class FieldSelectionRuleTests
{
    private static string Returning(string schema) => $$"""
        { "responses": { "200": { "description": "Ok", "content": { "application/json": { "schema": {{schema}} } } } } }
        """;

    private const string UserList = """
        { "type": "object", "properties": { "data": { "type": "array", "items": { "$ref": "#/components/schemas/User" } } } }
        """;

    private static readonly string Document = $$"""
        { "paths": {
          "/nodes/{id}": { "get": {{Returning("""{ "$ref": "#/components/schemas/Node" }""")}} },
          "/users": { "get": {{Returning(UserList)}} },
          "/keys": { "get": {{Returning("""{ "type": "array", "items": { "$ref": "#/components/schemas/Key" } }""")}} },
          "/projects": { "post": {{Returning("""{ "$ref": "#/components/schemas/Project" }""")}} }
        },
          "components": { "schemas": {
            "Node": { "type": "object", "required": ["id", "name", "realm_id"], "properties": {
              "id": { "type": "string" }, "name": { "type": "string" }, "realm_id": { "type": "string" } } },
            "User": { "type": "object", "required": ["id", "email"], "properties": {
              "id": { "type": "string" }, "email": { "type": "string" } } },
            "Key": { "type": "object", "required": ["kid", "n"], "properties": {
              "kid": { "type": "string" }, "n": { "type": "string" } } },
            "Project": { "type": "object", "required": ["id", "name"], "properties": {
              "id": { "type": "string" }, "name": { "type": "string" } } }
          } } }
        """;

    [Test]
    public void AnEntityOfAGetRequiresOnlyItsId()
    {
        var node = Apply<FieldSelectionRule>(Document).Schema("Node");

        Assert.That(node.Strings("required"), Is.EqualTo(new[] { "id" }));
        Assert.That(node.Keys("properties"), Is.EqualTo(new[] { "id", "name", "realm_id" }));
    }

    [Test]
    public void AnEntityInAListEnvelopeRequiresOnlyItsId() =>
        Assert.That(Apply<FieldSelectionRule>(Document).Schema("User").Strings("required"), Is.EqualTo(new[] { "id" }));

    [Test]
    public void AnEntityWithoutIdRequiresNothing() =>
        Assert.That(Apply<FieldSelectionRule>(Document).Schema("Key").ContainsKey("required"), Is.False);

    [Test]
    public void ASchemaThatIsNotReadKeepsItsRequiredList() =>
        Assert.That(Apply<FieldSelectionRule>(Document).Schema("Project").Strings("required"), Is.EqualTo(new[] { "id", "name" }));
}
