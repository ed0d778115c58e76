using System.Text.Json.Nodes;
using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Rules;

/// <summary>
/// Authup's OAuth2 token endpoint <c>POST /token</c> is served with no body and an array
/// response. It takes one flat grant request (password, robot_credentials, client_credentials,
/// refresh_token) as JSON or form, answers 200 with one token object, and needs no token itself.
/// The robot grant and its fields exist where Authup serves robots (before beta.57).
/// Its sibling <c>POST /token/introspect</c> takes the token to inspect, also undeclared. The
/// token endpoints serve no entity: what <see cref="ResourceIdRule"/> guessed from the served
/// answers is taken back.
/// </summary>
public sealed class TokenEndpointRule : INormalizationRule
{
    public const string RequestSchema = "TokenGrantRequest";
    public const string ResponseSchema = "TokenGrantResponse";
    public const string IntrospectionRequestSchema = "TokenIntrospectionRequest";
    public const string GrantTypeSchema = "TokenGrantRequestGrantType";

    public void Apply(NormalizationContext context)
    {
        var op = context.Operations.FirstOrDefault(o => o.Path == "/token" && o.Method == "post");
        if (op is null) return;

        var robots = Facts.FeatureFacts.HasRobots(context.Document);
        var properties = new JsonObject
        {
            ["grant_type"] = OpenApiJson.Ref(GrantTypeSchema),
            ["username"] = String("password grant: the user's name."),
            ["password"] = String("password grant: the user's password."),
        };
        if (robots)
        {
            properties["id"] = String("robot_credentials grant: the robot's id.");
            properties["secret"] = String("robot_credentials grant: the robot's secret.");
        }
        properties["client_id"] = String("client_credentials grant: the client's id.");
        properties["client_secret"] = String("client_credentials grant: the client's secret.");
        properties["refresh_token"] = String("refresh_token grant: the refresh token.");
        properties["scope"] = String("Requested scopes, space separated.");
        properties["realm_id"] = String("The realm to authenticate in.");
        properties["realm_name"] = String("The realm to authenticate in, by name.");
        context.Schemas[RequestSchema] = new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray("grant_type"),
            ["properties"] = properties,
        };
        context.Schemas[GrantTypeSchema] = new JsonObject
        {
            ["type"] = "string",
            ["enum"] = robots
                ? new JsonArray("password", "robot_credentials", "client_credentials", "refresh_token")
                : new JsonArray("password", "client_credentials", "refresh_token"),
        };
        context.Schemas[ResponseSchema] = new JsonObject
        {
            ["type"] = "object",
            ["required"] = new JsonArray("access_token", "expires_in", "token_type"),
            ["properties"] = new JsonObject
            {
                ["access_token"] = String("The bearer token."),
                ["expires_in"] = new JsonObject { ["type"] = "integer", ["format"] = "int32", ["description"] = "Seconds until the access token expires." },
                ["token_type"] = String("Always 'Bearer'."),
                ["scope"] = String("Granted scopes."),
                ["refresh_token"] = String("A refresh token; robot grants get none."),
                ["id_token"] = String("An OpenID Connect id token, when the openid scope was granted."),
                ["mac_key"] = String(null),
                ["mac_algorithm"] = String(null),
            },
        };

        op.Node["requestBody"] = JsonOrFormBody(RequestSchema);
        op.Node["responses"] = new JsonObject
        {
            ["200"] = new JsonObject { ["description"] = "The granted token.", ["content"] = OpenApiJson.JsonContent(OpenApiJson.Ref(ResponseSchema)) },
        };
        op.Node["security"] = new JsonArray();
        op.Node[OperationNamingRule.KindExtension] = "token";
        foreach (var tokenOp in context.Operations.Where(o => o.Path == "/token" || o.Path.StartsWith("/token/", StringComparison.Ordinal)))
        {
            tokenOp.Node.Remove(ResourceIdRule.EntitySchemaExtension);
        }

        if (context.Operations.FirstOrDefault(o => o.Path == "/token/introspect" && o.Method == "post") is { } introspect)
        {
            context.Schemas[IntrospectionRequestSchema] = new JsonObject
            {
                ["type"] = "object",
                ["required"] = new JsonArray("token"),
                ["properties"] = new JsonObject
                {
                    ["token"] = String("The token to inspect."),
                    ["token_type_hint"] = String("access_token or refresh_token."),
                },
            };
            introspect.Node["requestBody"] = JsonOrFormBody(IntrospectionRequestSchema);
        }
    }

    // OAuth2 endpoints take the same fields as JSON or as a form.
    private static JsonObject JsonOrFormBody(string schema) => new()
    {
        ["required"] = true,
        ["content"] = new JsonObject
        {
            ["application/json"] = new JsonObject { ["schema"] = OpenApiJson.Ref(schema) },
            ["application/x-www-form-urlencoded"] = new JsonObject { ["schema"] = OpenApiJson.Ref(schema) },
        },
    };

    private static JsonObject String(string? description)
    {
        var schema = new JsonObject { ["type"] = "string" };
        if (description is not null) schema["description"] = description;
        return schema;
    }
}
