using System.Text.Json.Nodes;
using System.Text;
using FlameHub.Core;

namespace FlameHub.Generated.Tests.Transport;

/// <summary>Each credential's first request: the grant body Authup 0.8.13 received, and the header that follows.</summary>
public class GrantTests
{
    [SetUp]
    public Task Reset() => Hub.Server.ResetAsync();

    private static async Task AssertTokenRequestAndBearer(IHubCredential credential, string expectedGrantBody, string token)
    {
        using var core = new CoreClient(Hub.CoreUrl, Hub.QuickOptions(credential));
        var node = await core.GetNodeAsync(Hub.Node);
        Assert.That(node, Is.Not.Null, "the node stub only answers the expected bearer token");

        var tokenRequest = (await Hub.TokenRequestsAsync()).Single();
        Assert.That(Hub.SameJson(Hub.Body(tokenRequest), expectedGrantBody), Is.True, Hub.Body(tokenRequest));
        Assert.That(Hub.Header(tokenRequest, "Content-Type"), Does.StartWith("application/json"));
        Assert.That(Hub.Header((await Hub.CoreRequestsAsync()).Single(), "Authorization"), Is.EqualTo("Bearer " + token));
    }

    [Test]
    public async Task Password_grant_sends_the_recorded_body_and_the_token_is_used()
    {
        var token = Hub.Jwt("admin");
        await Hub.StubTokenAsync(token, Hub.Jwt("admin-refresh"), grantType: "password");
        await Hub.StubNodeAsync(bearer: token);

        await AssertTokenRequestAndBearer(new PasswordAuth("admin", "start123", Hub.AuthUrl),
            """{"grant_type":"password","username":"admin","password":"start123"}""", token);
    }

    [Test]
    public async Task Password_grant_can_be_form_encoded_as_in_exchange_03()
    {
        var token = Hub.Jwt("admin");
        await Hub.StubAsync(new JsonObject
        {
            ["request"] = new JsonObject
            {
                ["method"] = "POST", ["url"] = "/auth/token",
                ["headers"] = new JsonObject { ["Content-Type"] = new JsonObject { ["contains"] = "application/x-www-form-urlencoded" } },
            },
            ["response"] = Hub.Respond(200, Hub.TokenJson(token, Hub.Jwt("admin-refresh"))),
        });
        await Hub.StubNodeAsync(bearer: token);
        var credential = new PasswordAuth("admin", "start123", Hub.AuthUrl, new HubCredentialOptions { FormEncodedGrants = true });
        using var core = new CoreClient(Hub.CoreUrl, Hub.QuickOptions(credential));

        Assert.That(await core.GetNodeAsync(Hub.Node), Is.Not.Null);

        var tokenRequest = (await Hub.TokenRequestsAsync()).Single();
        Assert.That(Hub.Body(tokenRequest), Is.EqualTo("grant_type=password&username=admin&password=start123"));
    }

#if HUB_ROBOTS
    [Test]
    public async Task Robot_grant_sends_the_recorded_body_and_the_token_is_used()
    {
        var token = Hub.Jwt("robot");
        await Hub.StubTokenAsync(token, refreshToken: null, grantType: "robot_credentials");
        await Hub.StubNodeAsync(bearer: token);

        await AssertTokenRequestAndBearer(new RobotAuth(Guid.Parse(Hub.RobotId), "start123", Hub.AuthUrl),
            """{"grant_type":"robot_credentials","id":"8bbe85b6-10e0-4d4d-a9c9-96bad08aeb42","secret":"start123"}""", token);
    }
#endif

    [Test]
    public async Task Client_credentials_grant_sends_the_recorded_body_and_the_token_is_used()
    {
        var token = Hub.Jwt("client");
        await Hub.StubTokenAsync(token, refreshToken: null, grantType: "client_credentials");
        await Hub.StubNodeAsync(bearer: token);

        await AssertTokenRequestAndBearer(new ClientAuth("flame-client", "client-secret-1", Hub.AuthUrl),
            """{"grant_type":"client_credentials","client_id":"flame-client","client_secret":"client-secret-1"}""", token);
    }

    [Test]
    public async Task Static_token_is_sent_as_bearer_without_any_token_request()
    {
        await Hub.StubNodeAsync(bearer: "oidc-token-1");
        using var core = new CoreClient(Hub.CoreUrl, new StaticTokenAuth("oidc-token-1"));

        Assert.That(await core.GetNodeAsync(Hub.Node), Is.Not.Null);

        Assert.That(await Hub.TokenRequestsAsync(), Is.Empty);
        Assert.That(Hub.Header((await Hub.CoreRequestsAsync()).Single(), "Authorization"), Is.EqualTo("Bearer oidc-token-1"));
    }

    [Test]
    public async Task Static_token_update_is_used_by_the_next_request()
    {
        await Hub.StubNodeAsync();
        var credential = new StaticTokenAuth("oidc-token-1");
        using var core = new CoreClient(Hub.CoreUrl, credential);

        await core.GetNodeAsync(Hub.Node);
        credential.UpdateToken("oidc-token-2");
        await core.GetNodeAsync(Hub.Node);

        Assert.That((await Hub.CoreRequestsAsync()).Select(r => Hub.Header(r, "Authorization")),
            Is.EqualTo(new[] { "Bearer oidc-token-1", "Bearer oidc-token-2" }));
    }

#if HUB_BASIC_AUTH
    [Test]
    public async Task Basic_auth_sends_base64_of_user_colon_password()
    {
        await Hub.StubNodeAsync();
        using var core = new CoreClient(Hub.CoreUrl, new BasicAuth("admin", "start123"));

        Assert.That(await core.GetNodeAsync(Hub.Node), Is.Not.Null);

        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:start123"));
        Assert.That(expected, Is.EqualTo("Basic YWRtaW46c3RhcnQxMjM="));
        Assert.That(Hub.Header((await Hub.CoreRequestsAsync()).Single(), "Authorization"), Is.EqualTo(expected));
        Assert.That(await Hub.TokenRequestsAsync(), Is.Empty);
    }
#endif

    [Test]
    public async Task No_credential_sends_no_authorization_header()
    {
        await Hub.StubNodeAsync();
        using var core = new CoreClient(Hub.CoreUrl);

        await core.GetNodeAsync(Hub.Node);

        Assert.That(Hub.Header((await Hub.CoreRequestsAsync()).Single(), "Authorization"), Is.Null);
    }

    [Test]
    public async Task Token_url_is_auth_base_plus_token_with_or_without_trailing_slash()
    {
        var token = Hub.Jwt("admin");
        await Hub.StubTokenAsync(token, Hub.Jwt("refresh"));
        await Hub.StubNodeAsync(bearer: token);
        var withoutSlash = new Uri(Hub.Server.BaseUrl, "auth");
        var credential = new PasswordAuth("admin", "start123", withoutSlash);
        using var core = new CoreClient(Hub.CoreUrl, credential);

        Assert.That(credential.TokenUrl, Is.EqualTo(new Uri(Hub.Server.BaseUrl, "auth/token")));
        Assert.That(await core.GetNodeAsync(Hub.Node), Is.Not.Null);
        Assert.That(await Hub.TokenRequestsAsync(), Has.Count.EqualTo(1));
    }
}
