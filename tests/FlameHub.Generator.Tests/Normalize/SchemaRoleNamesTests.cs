using FlameHub.Generator.Normalize;
using static FlameHub.Generator.Tests.Rules.RuleTestKit;

namespace FlameHub.Generator.Tests.Normalize;

public class SchemaRoleNamesTests
{
    private static string Answer(string schema) => $$"""{ "200": { "description": "Ok", "content": { "application/json": { "schema": {{schema}} } } } }""";

    private static readonly string Core = $$"""
        { "paths": {
          "/": { "get": { "responses": {{Answer("""{ "$ref": "#/components/schemas/EndpointInfo" }""")}} } },
          "/nodes": {
            "get": { "responses": {{Answer("""{ "$ref": "#/components/schemas/EntityCollectionResponseNode" }""")}} },
            "post": { "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/NodeCreatePayload" } } } },
                      "responses": {{Answer("""{ "$ref": "#/components/schemas/EntityRecordResponseNode" }""")}} } },
          "/nodes/{id}/registry/credentials": { "get": { "responses": {{Answer("""{ "$ref": "#/components/schemas/X1" }""")}} } },
          "/analysis-logs": { "get": { "responses": {{Answer("""{ "type": "object", "properties": { "data": { "type": "array", "items": { "$ref": "#/components/schemas/L" } }, "meta": { "type": "object" } } }""")}} } },
          "/analysis-node-logs": { "get": { "responses": {{Answer("""{ "type": "array", "items": { "$ref": "#/components/schemas/L" } }""")}} } }
        },
          "components": { "schemas": {
            "EndpointInfo": { "type": "object", "properties": { "version": { "type": "string" } } },
            "EntityCollectionResponseNode": { "type": "object", "properties": {
              "data": { "type": "array", "items": { "$ref": "#/components/schemas/PartialNode" } }, "meta": { "type": "object" } } },
            "EntityRecordResponseNode": { "type": "object", "properties": {
              "data": { "$ref": "#/components/schemas/PartialNode" }, "meta": { "$ref": "#/components/schemas/EntityRecordMeta" } } },
            "EntityRecordMeta": { "type": "object", "properties": {} },
            "PartialNode": { "type": "object", "properties": {
              "type": { "$ref": "#/components/schemas/T9" },
              "commandArguments": { "type": "array", "items": { "$ref": "#/components/schemas/Arg" } } } },
            "T9": { "type": "string", "enum": ["a", "b"] },
            "Arg": { "type": "object", "properties": { "value": { "type": "string" } } },
            "NodeCreatePayload": { "type": "object", "properties": { "name": { "type": "string" } } },
            "X1": { "allOf": [{ "$ref": "#/components/schemas/P1" }, { "type": "object", "properties": { "b": { "type": "string" } }, "required": ["b"] }] },
            "P1": { "type": "object", "properties": { "a": { "type": "string" } } },
            "L": { "type": "object", "properties": { "message": { "type": "string" } } },
            "Unused": { "type": "object" }
          } } }
        """;

    [Test]
    public void Schemas_are_named_by_their_roles()
    {
        var document = Parse(Core);

        var names = SchemaRoleNames.Apply(document);

        Assert.That(names["PartialNode"], Is.EqualTo("Node"), "the entity of /nodes");
        Assert.That(names["EntityCollectionResponseNode"], Is.EqualTo("NodeList"));
        Assert.That(names["EntityRecordResponseNode"], Is.EqualTo("NodeRecord"));
        Assert.That(names["EndpointInfo"], Is.EqualTo("Status"), "the answer of GET /");
        Assert.That(names["X1"], Is.EqualTo("RegistryCredentials"), "an action's answer by its path words");
        Assert.That(names["NodeCreatePayload"], Is.EqualTo("CreateNodeRequest"), "a body after its operation");
        Assert.That(names["T9"], Is.EqualTo("NodeType"), "owner and property");
        Assert.That(names["Arg"], Is.EqualTo("NodeCommandArgument"), "owner and the singular of an array property");
        Assert.That(names["L"], Is.EqualTo("Log"), "the words the collections' singulars share");
        Assert.That(names, Does.Not.ContainKey("Unused"));
        Assert.That(document.Keys("components.schemas"), Does.Not.Contain("Unused").And.Contain("Node"));
        Assert.That(document.Text("paths./nodes.post.responses.200.content.application/json.schema.$ref"), Is.EqualTo("#/components/schemas/NodeRecord"),
            "references follow");
    }

    [Test]
    public void A_composition_of_objects_becomes_one_object()
    {
        var document = Parse(Core);

        SchemaRoleNames.Apply(document);

        var credentials = document.Schema("RegistryCredentials");
        Assert.That(credentials.Keys("properties"), Is.EquivalentTo(new[] { "a", "b" }));
        Assert.That(credentials.Strings("required"), Is.EqualTo(new[] { "b" }));
        Assert.That(credentials.ContainsKey("allOf"), Is.False);
    }

    [Test]
    public void Core_takes_the_name_auth_gave_the_same_schema()
    {
        var auth = Parse($$"""
            { "paths": { "/realms": { "get": { "responses": {{Answer("""{ "type": "array", "items": { "$ref": "#/components/schemas/R" } }""")}} } } },
              "components": { "schemas": { "R": { "type": "object", "properties": { "name": { "type": "string" } } } } } }
            """);
        var core = Parse($$"""
            { "paths": { "/projects": { "get": { "responses": {{Answer("""{ "type": "array", "items": { "$ref": "#/components/schemas/P" } }""")}} } } },
              "components": { "schemas": {
                "P": { "type": "object", "properties": { "realm": { "$ref": "#/components/schemas/R" } } },
                "R": { "type": "object", "properties": { "name": { "type": "string" } } } } } }
            """);
        var served = (System.Text.Json.Nodes.JsonObject)auth.DeepClone();

        var authNames = SchemaRoleNames.Apply(auth);
        var coreNames = SchemaRoleNames.Apply(core, served, authNames);

        Assert.That(authNames["R"], Is.EqualTo("Realm"));
        Assert.That(coreNames["R"], Is.EqualTo("Realm"), "not ProjectRealm: it stays one shared type");
    }
}
