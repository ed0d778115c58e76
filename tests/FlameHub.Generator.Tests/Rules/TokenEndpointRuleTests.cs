using FlameHub.Generator.Rules;
using static FlameHub.Generator.Tests.Rules.RuleTestKit;

namespace FlameHub.Generator.Tests.Rules;

public sealed class TokenEndpointRuleTests
{
    private const string Document = """
        { "paths": {
          "/robots": { "get": { "operationId": "getRobots", "responses": { "200": { "description": "Ok" } } } },
          "/token": { "post": { "operationId": "createToken", "x-flamehub-kind": "create",
            "responses": { "200": { "description": "Ok", "content": { "application/json": { "schema": { "type": "array", "items": {} } } } } } } },
          "/token/introspect": {
            "get": { "operationId": "getTokenIntrospection", "responses": { "200": { "description": "Ok" } } },
            "post": { "operationId": "introspectToken", "responses": { "200": { "description": "Ok" } } } }
        },
          "components": { "schemas": {} } }
        """;

    [Test]
    public void TheTokenEndpointTakesAGrantAsJsonOrForm()
    {
        var token = Apply<TokenEndpointRule>(Document, "auth").Operation("/token", "post");

        Assert.That(token.At("requestBody.required")!.GetValue<bool>(), Is.True);
        Assert.That(token.Keys("requestBody.content"), Is.EquivalentTo(new[] { "application/json", "application/x-www-form-urlencoded" }));
        foreach (var media in token.Keys("requestBody.content"))
        {
            Assert.That(token.Text($"requestBody.content.{media}.schema.$ref"), Is.EqualTo("#/components/schemas/TokenGrantRequest"));
        }
    }

    [Test]
    public void TheTokenEndpointAnswersOneTokenAndIsOpen()
    {
        var token = Apply<TokenEndpointRule>(Document, "auth").Operation("/token", "post");

        Assert.That(token.Keys("responses"), Is.EqualTo(new[] { "200" }));
        Assert.That(token.Text("responses.200.content.application/json.schema.$ref"), Is.EqualTo("#/components/schemas/TokenGrantResponse"));
        Assert.That(token["security"]!.AsArray(), Is.Empty);
        Assert.That(token.Text(OperationNamingRule.KindExtension), Is.EqualTo("token"));
        Assert.That(token.Text("operationId"), Is.EqualTo("createToken"));
    }

    [Test]
    public void TheGrantSchemas()
    {
        var document = Apply<TokenEndpointRule>(Document, "auth");

        var request = document.Schema(TokenEndpointRule.RequestSchema);
        Assert.That(request.Strings("required"), Is.EqualTo(new[] { "grant_type" }));
        Assert.That(request.Text("properties.grant_type.$ref"), Is.EqualTo("#/components/schemas/" + TokenEndpointRule.GrantTypeSchema));
        Assert.That(document.Schema(TokenEndpointRule.GrantTypeSchema).Strings("enum"),
            Is.EqualTo(new[] { "password", "robot_credentials", "client_credentials", "refresh_token" }));
        Assert.That(request.Keys("properties"), Is.SupersetOf(new[] { "username", "password", "id", "secret", "client_id", "client_secret", "refresh_token" }));
        var response = document.Schema(TokenEndpointRule.ResponseSchema);
        Assert.That(response.Strings("required"), Is.EqualTo(new[] { "access_token", "expires_in", "token_type" }));
        Assert.That(response.Text("properties.expires_in.type"), Is.EqualTo("integer"));
    }

    [Test]
    public void WithoutRobotsThereIsNoRobotGrant()
    {
        var withoutRobots = string.Join('\n', Document.Split('\n').Where(l => !l.Contains("\"/robots\"", StringComparison.Ordinal)));
        Assert.That(withoutRobots, Does.Not.Contain("/robots"));
        var document = Apply<TokenEndpointRule>(withoutRobots, "auth");

        Assert.That(document.Schema(TokenEndpointRule.GrantTypeSchema).Strings("enum"),
            Is.EqualTo(new[] { "password", "client_credentials", "refresh_token" }));
        Assert.That(document.Schema(TokenEndpointRule.RequestSchema).Keys("properties"), Has.No.Member("id").And.No.Member("secret").And.Member("client_id"));
    }

    [Test]
    public void IntrospectionTakesTheTokenToInspect()
    {
        var document = Apply<TokenEndpointRule>(Document, "auth");

        var introspect = document.Operation("/token/introspect", "post");
        Assert.That(introspect.Text("requestBody.content.application/json.schema.$ref"),
            Is.EqualTo("#/components/schemas/TokenIntrospectionRequest"));
        Assert.That(introspect.Text("requestBody.content.application/x-www-form-urlencoded.schema.$ref"),
            Is.EqualTo("#/components/schemas/TokenIntrospectionRequest"));
        Assert.That(document.Schema(TokenEndpointRule.IntrospectionRequestSchema).Strings("required"), Is.EqualTo(new[] { "token" }));
        Assert.That(introspect.ContainsKey("security"), Is.False);
        AssertJson(document.Operation("/token/introspect", "get"),
            """{ "operationId": "getTokenIntrospection", "responses": { "200": { "description": "Ok" } } }""");
    }

    [Test]
    public void WithoutIntrospectionNoIntrospectionSchema()
    {
        var document = Apply<TokenEndpointRule>(Document.Replace("\"post\": { \"operationId\": \"introspectToken\"", "\"put\": { \"operationId\": \"x\"",
            StringComparison.Ordinal), "auth");

        Assert.That(document.Keys("components.schemas"), Is.EquivalentTo(new[] { "TokenGrantRequest", "TokenGrantRequestGrantType", "TokenGrantResponse" }));
    }

    [Test]
    public void ADocumentWithoutTokenEndpointIsUnchanged()
    {
        const string core = """
            { "paths": { "/nodes": { "post": { "responses": { "200": { "description": "Ok" } } } } }, "components": { "schemas": {} } }
            """;

        AssertJson(Apply<TokenEndpointRule>(core), core);
    }

    [Test]
    public void TheTokenEndpointsServeNoEntity()
    {
        // ResourceIdRule read an entity off the served answers of /token ('OAuth2TokenGrantResponse'), which this rule replaces.
        var document = Apply<TokenEndpointRule>(Document.Replace("\"x-flamehub-kind\": \"create\",",
            "\"x-flamehub-kind\": \"create\", \"x-flamehub-entity-schema\": \"OAuth2TokenGrantResponse\",", StringComparison.Ordinal)
            .Replace("\"operationId\": \"getTokenIntrospection\",", "\"operationId\": \"getTokenIntrospection\", \"x-flamehub-entity-schema\": \"OAuth2TokenGrantResponse\",", StringComparison.Ordinal), "auth");

        Assert.That(document.Operation("/token", "post").ContainsKey(ResourceIdRule.EntitySchemaExtension), Is.False);
        Assert.That(document.Operation("/token/introspect", "get").ContainsKey(ResourceIdRule.EntitySchemaExtension), Is.False);
    }
}
