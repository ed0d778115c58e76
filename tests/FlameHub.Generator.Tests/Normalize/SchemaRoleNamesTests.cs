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

    [Test]
    public void A_copy_of_an_entity_is_the_entity_and_promises_only_what_every_copy_promises()
    {
        // Hub 0.8.13: /nodes answers PartialNode, a project's node is Node, a bucket file's bucket is BucketEntity.
        var document = Parse($$"""
            { "paths": {
              "/nodes": { "get": { "responses": {{Answer("""{ "type": "array", "items": { "$ref": "#/components/schemas/PartialNode" } }""")}} } },
              "/projects": { "get": { "responses": {{Answer("""{ "type": "array", "items": { "$ref": "#/components/schemas/Project" } }""")}} } },
              "/permissions/{id}/check": { "post": { "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/A" } } } },
                                                     "responses": {{Answer("""{ "$ref": "#/components/schemas/A2" }""")}} } }
            },
              "components": { "schemas": {
                "PartialNode": { "type": "object", "properties": { "id": { "type": "string" }, "realm_id": { "type": "string" } }, "required": ["id", "realm_id"] },
                "Node": { "type": "object", "properties": { "id": { "type": "string" }, "realm_id": { "type": "string", "nullable": true } }, "required": ["id"] },
                "Project": { "type": "object", "properties": { "node": { "$ref": "#/components/schemas/Node" } } },
                "A": { "type": "object", "properties": { "status": { "type": "string" } } },
                "A2": { "type": "object", "properties": { "status": { "type": "string" } } }
              } } }
            """);

        var names = SchemaRoleNames.Apply(document);

        Assert.That(names["PartialNode"], Is.EqualTo("Node"));
        Assert.That(names["Node"], Is.EqualTo("Node"), "the copy is the entity, not ProjectNode");
        Assert.That(document.Schema("Project").Text("properties.node.$ref"), Is.EqualTo("#/components/schemas/Node"));
        Assert.That(document.Schema("Node").Strings("required"), Is.EqualTo(new[] { "id" }));
        Assert.That(document.Schema("Node").At("properties.realm_id.nullable")?.GetValue<bool>(), Is.True);
        Assert.That((names["A"], names["A2"]), Is.EqualTo(("CheckPermissionRequest", "CheckPermissionResponse")), "look-alikes that are no entity stay apart");
    }

    // Authup beta.62 (Hub 0.14.0): /policies answers Policy & {[key: string]: unknown} (an object part the
    // converter writes without properties), a policy's parent is PolicyWithType<Policy> = Policy & {type}, and
    // a client's access policy is the Policy itself.
    private static readonly string PolicySchemas = """
        "Policy": { "type": "object", "properties": {
          "id": { "type": "string" }, "type": { "type": "string" },
          "parent": { "allOf": [{ "$ref": "#/components/schemas/PolicyWithTypePolicy" }], "nullable": true },
          "children": { "type": "array", "items": { "$ref": "#/components/schemas/PolicyWithTypePolicy" } } }, "required": ["id", "type"] },
        "PolicyWithTypePolicy": { "allOf": [{ "$ref": "#/components/schemas/Policy" }, { "type": "object", "properties": { "type": { "type": "string" } }, "required": ["type"] }] },
        "Client": { "type": "object", "properties": { "id": { "type": "string" },
          "accessPolicy": { "allOf": [{ "$ref": "#/components/schemas/Policy" }], "nullable": true } } }
        """;

    private static string PolicyAuth() => $$"""
        { "paths": {
          "/policies": { "get": { "responses": {{Answer("""{ "type": "array", "items": { "$ref": "#/components/schemas/PolicyResponse" } }""")}} } },
          "/clients": { "get": { "responses": {{Answer("""{ "type": "array", "items": { "$ref": "#/components/schemas/Client" } }""")}} } }
        },
          "components": { "schemas": {
            "PolicyResponse": { "allOf": [{ "$ref": "#/components/schemas/Policy" }, { "type": "object", "additionalProperties": {} }] },
            {{PolicySchemas}}
          } } }
        """;

    [Test]
    public void An_entity_served_as_an_open_composition_is_the_entity_of_its_copies()
    {
        var document = Parse(PolicyAuth());

        var names = SchemaRoleNames.Apply(document);

        Assert.That(names["PolicyResponse"], Is.EqualTo("Policy"), "the entity of /policies");
        Assert.That((names["Policy"], names["PolicyWithTypePolicy"]), Is.EqualTo(("Policy", "Policy")),
            "the client's access policy and a policy's parent are copies of the entity, not ClientAccessPolicy and ClientAccessPolicyParent");
        Assert.That(document.Keys("components.schemas"), Is.EquivalentTo(new[] { "Client", "Policy" }));
        Assert.That(document.Schema("Policy").Text("properties.parent.allOf.0.$ref"), Is.EqualTo("#/components/schemas/Policy"));
        Assert.That(document.Schema("Policy").Text("properties.children.items.$ref"), Is.EqualTo("#/components/schemas/Policy"));
        Assert.That(document.Schema("Client").Text("properties.accessPolicy.allOf.0.$ref"), Is.EqualTo("#/components/schemas/Policy"));
    }

    [Test]
    public void Core_repeats_two_schemas_auth_merged_as_copies_as_one_type_of_auths_name()
    {
        var auth = Parse(PolicyAuth());
        var core = Parse($$"""
            { "paths": { "/analyses": { "get": { "responses": {{Answer("""{ "type": "array", "items": { "$ref": "#/components/schemas/Analysis" } }""")}} } } },
              "components": { "schemas": {
                "Analysis": { "type": "object", "properties": { "client": { "$ref": "#/components/schemas/Client" } } },
                {{PolicySchemas}}
              } } }
            """);
        var served = (System.Text.Json.Nodes.JsonObject)auth.DeepClone();

        var authNames = SchemaRoleNames.Apply(auth);
        var coreNames = SchemaRoleNames.Apply(core, served, authNames);

        Assert.That((coreNames["Client"], coreNames["Policy"]), Is.EqualTo(("Client", "Policy")));
        Assert.That(core.Keys("components.schemas"), Is.EquivalentTo(new[] { "Analysis", "Client", "Policy" }),
            "the parent is the policy, as in auth (not a PolicyParent of core's own, which auth's shared Policy would not be)");
        Assert.That(core.Schema("Policy").Text("properties.parent.allOf.0.$ref"), Is.EqualTo("#/components/schemas/Policy"));
    }

    [Test]
    public void A_body_that_requires_every_field_of_a_laxer_twin_requires_only_what_the_twin_does()
    {
        // Authup beta.26: the permission check takes NonNullable<PolicyData>, the policy check PolicyData (one validator).
        var document = Parse($$"""
            { "paths": {
              "/permissions/{id}/check": { "post": { "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/NonNullablePolicyData" } } } },
                                                     "responses": {{Answer("""{ "type": "object", "properties": { "ok": { "type": "boolean" } } }""")}} } },
              "/policies/{id}/check": { "post": { "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/PolicyData" } } } },
                                                  "responses": {{Answer("""{ "type": "object", "properties": { "ok": { "type": "boolean" } } }""")}} } }
            },
              "components": { "schemas": {
                "PolicyData": { "type": "object", "properties": { "identity": { "type": "object" }, "permission": { "type": "object" } } },
                "NonNullablePolicyData": { "type": "object", "properties": { "identity": { "type": "object" }, "permission": { "type": "object" } },
                                           "required": ["identity", "permission"] }
              } } }
            """);

        var names = SchemaRoleNames.Apply(document);

        Assert.That((names["NonNullablePolicyData"], names["PolicyData"]), Is.EqualTo(("CheckPermissionRequest", "CheckPolicyRequest")), "each operation keeps its body");
        Assert.That(document.Schema("CheckPermissionRequest").ContainsKey("required"), Is.False);
    }

    [Test]
    public void A_well_known_location_is_named_by_its_path_words_at_the_top_as_under_a_realm()
    {
        var document = Parse($$"""
            { "paths": {
              "/.well-known/openid-configuration": { "get": { "responses": {{Answer("""{ "$ref": "#/components/schemas/OpenIDProviderMetadata" }""")}} } },
              "/realms/{id}/.well-known/openid-configuration": { "get": { "responses": {{Answer("""{ "$ref": "#/components/schemas/M2" }""")}} } }
            },
              "components": { "schemas": {
                "OpenIDProviderMetadata": { "type": "object", "properties": { "issuer": { "type": "string" } } },
                "M2": { "type": "object", "properties": { "issuer": { "type": "string" }, "jwks_uri": { "type": "string" } } }
              } } }
            """);

        var names = SchemaRoleNames.Apply(document);

        Assert.That(names["OpenIDProviderMetadata"], Is.EqualTo("WellKnownOpenidConfiguration"));
        Assert.That(names["M2"], Is.EqualTo("WellKnownOpenidConfiguration2"), "the same words: numbered, not named after the operation");
    }

    [Test]
    public void An_actions_body_field_that_repeats_the_action_is_what_it_acts_on()
    {
        var document = Parse($$"""
            { "paths": {
              "/analyses/{id}/command": { "post": { "requestBody": { "content": { "application/json": { "schema": {
                  "type": "object", "properties": { "command": { "$ref": "#/components/schemas/AnalysisAPICommand" }, "mode": { "$ref": "#/components/schemas/M" } } } } } },
                "responses": {{Answer("""{ "type": "object", "properties": { "ok": { "type": "boolean" } } }""")}} } },
              "/nodes": { "post": { "requestBody": { "content": { "application/json": { "schema": {
                  "type": "object", "properties": { "node": { "$ref": "#/components/schemas/N" } } } } } },
                "responses": {{Answer("""{ "type": "object", "properties": { "ok": { "type": "boolean" } } }""")}} } }
            },
              "components": { "schemas": {
                "AnalysisAPICommand": { "type": "string", "enum": ["spinUp", "tearDown"] },
                "M": { "type": "string", "enum": ["x"] },
                "N": { "type": "object", "properties": { "name": { "type": "string" } } }
              } } }
            """);

        var names = SchemaRoleNames.Apply(document);

        Assert.That(names["AnalysisAPICommand"], Is.EqualTo("AnalysisCommand"), "RunAnalysisCommand's command, without the verb");
        Assert.That(names["M"], Is.EqualTo("RunAnalysisCommandRequestMode"), "another field: owner and property");
        Assert.That(names["N"], Is.EqualTo("CreateNodeRequestNode"), "no action: owner and property");
    }
}
