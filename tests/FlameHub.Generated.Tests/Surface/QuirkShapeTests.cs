using System.Text;
using System.Text.Json.Nodes;
using FlameHub.Auth;
using FlameHub.Generated.Tests.Streaming;
using FlameHub.Generated.Tests.Transport;
using Microsoft.AspNetCore.Http;

namespace FlameHub.Generated.Tests.Surface;

/// <summary>
/// What the release's quirks correct, seen on the wire: each call sends what Authup's handler
/// validates and reads what it sends (shapes as in Authup v1.0.0-beta.26's handlers).
/// </summary>
public class QuirkShapeTests
{
    private static async Task<(T Result, string Request, string Body)> CallAsync<T>(string answer, int status, Func<AuthClient, Task<T>> call)
    {
        string request = "", body = "";
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            request = $"{context.Request.Method} {context.Request.Path}";
            using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
            body = await reader.ReadToEndAsync();
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer);
        });
        using var auth = new AuthClient(server.BaseAddress);
        var result = await Hub.Bounded(call(auth), seconds: 10);
        return (result, request, body);
    }

    [Test, CancelAfter(15_000)]
    public async Task Oidc_discovery_reads_the_one_document_Authup_sends()
    {
        var (metadata, request, _) = await CallAsync("""
            {"issuer":"http://127.0.0.1:3010/","authorization_endpoint":"http://127.0.0.1:3010/authorize","jwks_uri":"http://127.0.0.1:3010/jwks",
             "response_types_supported":["code","token","none"],"subject_types_supported":["public"],
             "id_token_signing_alg_values_supported":["RS256"],"token_endpoint":"http://127.0.0.1:3010/token",
             "introspection_endpoint":"http://127.0.0.1:3010/token/introspect","revocation_endpoint":"http://127.0.0.1:3010/token",
             "service_documentation":"https://authup.org/","userinfo_endpoint":"http://127.0.0.1:3010/users/@me"}
            """, 200, auth => auth.GetOpenidConfigurationAsync());

        Assert.That(request, Is.EqualTo("GET /.well-known/openid-configuration"));
        Assert.That(metadata.Issuer, Is.EqualTo("http://127.0.0.1:3010/"));
        Assert.That(metadata.ResponseTypesSupported, Is.EqualTo(new[]
        {
            WellKnownOpenidConfigurationResponseTypesSupported.Code, WellKnownOpenidConfigurationResponseTypesSupported.Token, WellKnownOpenidConfigurationResponseTypesSupported.None,
        }));
    }

    [Test, CancelAfter(15_000)]
    public async Task A_realms_keys_read_as_one_key_set()
    {
        var realm = Guid.Parse("170b4592-4913-44db-9edf-6cb7fb9595d5");
        var (set, request, _) = await CallAsync("""{"keys":[{"kty":"RSA","n":"abc","e":"AQAB","alg":"RS256","kid":"k1"}]}""", 200,
            auth => auth.GetRealmJwksAsync(realm));

        Assert.That(request, Is.EqualTo($"GET /realms/{realm}/jwks"));
        Assert.That(set.Keys.Select(k => (k.Kid, k.Alg, k.Kty)), Is.EqualTo(new[] { ("k1", "RS256", "RSA") }));
    }

    [Test, CancelAfter(15_000)]
    public async Task Activation_sends_the_mailed_code_and_reads_the_user()
    {
        var (user, request, body) = await CallAsync("""{"id":"cf4eefba-f0bd-422a-b578-1258eedcca0d","name":"admin","active":true}""", 202,
            auth => auth.ActivateUserAsync(new ActivateUserRequest { Token = "a1b2c3" }));

        Assert.That(request, Is.EqualTo("POST /users/activate"));
        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(body), JsonNode.Parse("""{"token":"a1b2c3"}""")), Is.True, body);
        Assert.That(user.Active, Is.True);
    }

    [Test, CancelAfter(15_000)]
    public async Task A_password_reset_sends_the_code_and_the_new_password()
    {
        var (_, request, body) = await CallAsync("", 202, async auth =>
        {
            await auth.ResetUserPasswordAsync(new ResetUserPasswordRequest { Name = "admin", Token = "a1b2c3", Password = "new-password" });
            return 0;
        });

        Assert.That(request, Is.EqualTo("POST /users/password-reset"));
        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(body), JsonNode.Parse("""{"name":"admin","token":"a1b2c3","password":"new-password"}""")), Is.True, body);
    }

    [Test, CancelAfter(15_000)]
    public async Task Creating_a_permission_reads_the_one_permission_created()
    {
        var (permission, _, _) = await CallAsync("""{"id":"2b3c4d5e-0000-4000-8000-000000000001","name":"node_create"}""", 201,
            auth => auth.CreatePermissionAsync(new CreatePermission { Name = "node_create" }));

        Assert.That(permission.Name, Is.EqualTo("node_create"));
    }
}
