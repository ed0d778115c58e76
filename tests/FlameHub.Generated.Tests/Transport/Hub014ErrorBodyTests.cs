using System.Text.Json;
using FlameHub.Auth;
using FlameHub.Core;

namespace FlameHub.Generated.Tests.Transport;

/// <summary>
/// Hub 0.14.0's error bodies (recorded exchanges, hub-0.14.0 NOTES.md "Error body shapes"), read by the
/// same generic code as 0.8.13's: core's <c>{statusCode, code, message, issues}</c>, and Authup's
/// <c>{name, message, code, "@instanceof", issues?}</c> without <c>statusCode</c>, where the status is the
/// HTTP one. Error handling does not depend on the release, so these run on whichever build this is.
/// </summary>
public class Hub014ErrorBodyTests
{
    private const string RealmId = "170b4592-4913-44db-9edf-6cb7fb9595d5";

    [SetUp]
    public Task Reset() => Hub.Server.ResetAsync();

    private static CoreClient Core(IHubCredential? credential = null) => new(Hub.CoreUrl, Hub.QuickOptions(credential, maxRetries: 0));

    private static AuthClient Auth() => new(Hub.AuthUrl, Hub.QuickOptions(maxRetries: 0));

    [Test]
    public async Task Exchange_14_core_validation_error_carries_code_message_and_the_issues()
    {
        await Hub.StubAsync(Hub.Request("POST", "/core/nodes", exactUrl: true), Hub.Respond(400,
            """{"statusCode":400,"code":"bad_request","message":"Properties name, realmId are invalid.","issues":[{"type":"item","path":["name"],"message":"Too small: expected string to have >=3 characters","code":"min_length","data":{"min":3}},{"type":"item","path":["realmId"],"message":"Invalid UUID","code":"uuid","meta":{"optional":true}}]}"""));
        using var core = Core();

        var error = Assert.ThrowsAsync<HubApiException>(() => core.CreateNodeAsync(new CreateNode { Name = "x" }))!;

        Assert.That(error.GetType(), Is.EqualTo(typeof(HubApiException)));
        Assert.That(error.Message, Is.EqualTo("received status code 400 (bad_request): Properties name, realmId are invalid."));
        Assert.That((error.StatusCode, error.Code, error.HubMessage), Is.EqualTo((400, "bad_request", "Properties name, realmId are invalid.")));
        var issues = error.Body!.Value.GetProperty("issues").EnumerateArray().ToList();
        Assert.That(issues.Select(i => i.GetProperty("path")[0].GetString()), Is.EqualTo(new[] { "name", "realmId" }));
        Assert.That(issues.Select(i => i.GetProperty("code").GetString()), Is.EqualTo(new[] { "min_length", "uuid" }));
        Assert.That(issues[0].GetProperty("message").GetString(), Is.EqualTo("Too small: expected string to have >=3 characters"));
        Assert.That(issues[0].GetProperty("data").GetProperty("min").GetInt32(), Is.EqualTo(3));
        Assert.That(error.IsTransient, Is.False);
    }

    [Test]
    public async Task Exchange_13_core_entity_not_found_is_a_null_get()
    {
        await Hub.StubAsync(Hub.Request("GET", "/core/nodes/" + Hub.NodeId), Hub.Respond(404,
            """{"statusCode":404,"code":"entity_not_found","message":"The node was not found.","issues":[]}"""));
        using var core = Core();

        Assert.That(await core.GetNodeAsync(Hub.Node), Is.Null);
    }

    [Test]
    public async Task Exchange_69_core_refusing_Basic_with_500_is_a_plain_HubApiException()
    {
        await Hub.StubAsync(Hub.Request("GET", "/core/nodes"), Hub.Respond(500,
            """{"statusCode":500,"code":"internal_error","message":"Only Bearer tokens are accepted as authentication method.","issues":[]}"""));
        using var core = Core(new StaticTokenAuth("some-token"));

        var error = Assert.ThrowsAsync<HubApiException>(() => core.FindNodesAsync(new FindOptions { Page = new Page(Limit: 1) }))!;

        Assert.That(error.GetType(), Is.EqualTo(typeof(HubApiException)), "not an authentication failure of the token endpoint");
        Assert.That(error.Message, Is.EqualTo("received status code 500 (internal_error): Only Bearer tokens are accepted as authentication method."));
        Assert.That((error.StatusCode, error.Code, error.IsTransient), Is.EqualTo((500, "internal_error", false)));
        Assert.That(error.Body!.Value.GetProperty("issues").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Exchange_16_a_bad_token_answered_with_500_is_an_error_and_no_token_renewal()
    {
        await Hub.StubTokenAsync(Hub.Jwt("a"), Hub.Jwt("r"));
        await Hub.StubAsync(Hub.Request("GET", "/core/nodes"), Hub.Respond(500,
            """{"statusCode":500,"code":"internal_error","message":"Property token is invalid","issues":[]}"""));
        using var core = Core(new PasswordAuth("admin", "start123", Hub.AuthUrl));

        var error = Assert.ThrowsAsync<HubApiException>(() => core.FindNodesAsync())!;

        Assert.That((error.GetType(), error.StatusCode, error.HubMessage), Is.EqualTo((typeof(HubApiException), 500, "Property token is invalid")));
        Assert.That(await Hub.TokenRequestsAsync(), Has.Count.EqualTo(1), "only a 401 renews the token");
        Assert.That(await Hub.CoreRequestsAsync(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Exchange_42_Authup_conflict_without_statusCode_takes_the_HTTP_status()
    {
        await Hub.StubAsync(Hub.Request("POST", "/auth/realms", exactUrl: true), Hub.Respond(409,
            """{"name":"AuthupError","message":"An entry with some unique attributes already exists.","code":"entity_conflict","@instanceof":["@ebec/core/BaseError","@authup/errors/AuthupError"]}"""));
        using var auth = Auth();

        var error = Assert.ThrowsAsync<HubApiException>(() => auth.CreateRealmAsync(new CreateRealm { Name = "dup" }))!;

        Assert.That(error.Message, Is.EqualTo("received status code 409 (entity_conflict): An entry with some unique attributes already exists."));
        Assert.That((error.StatusCode, error.Code), Is.EqualTo((409, "entity_conflict")));
        Assert.That(error.Body!.Value.TryGetProperty("statusCode", out _), Is.False);
        Assert.That(error.Body.Value.GetProperty("name").GetString(), Is.EqualTo("AuthupError"));
        Assert.That(error.Body.Value.GetProperty("@instanceof").Deserialize<string[]>(), Has.Member("@authup/errors/AuthupError"));
    }

    [Test]
    public async Task Exchange_43_Authup_validation_error_carries_the_issues()
    {
        await Hub.StubAsync(Hub.Request("POST", "/auth/realms", exactUrl: true), Hub.Respond(400,
            """{"name":"AuthupError","message":"Property name is invalid","code":"bad_request","issues":[{"type":"item","path":["name"],"message":"Too small: expected string to have >=3 characters","code":"min_length","data":{"min":3}}],"@instanceof":["@ebec/core/BaseError","@authup/errors/AuthupError"]}"""));
        using var auth = Auth();

        var error = Assert.ThrowsAsync<HubApiException>(() => auth.CreateRealmAsync(new CreateRealm { Name = "-" }))!;

        Assert.That((error.StatusCode, error.Code, error.HubMessage), Is.EqualTo((400, "bad_request", "Property name is invalid")));
        var issue = error.Body!.Value.GetProperty("issues")[0];
        Assert.That((issue.GetProperty("path")[0].GetString(), issue.GetProperty("code").GetString()), Is.EqualTo(("name", "min_length")));
    }

    [Test]
    public async Task Exchange_47_Authup_entity_not_found_without_statusCode_is_a_null_get()
    {
        await Hub.StubAsync(Hub.Request("GET", "/auth/realms/" + RealmId), Hub.Respond(404,
            """{"name":"EntityNotFoundError","message":"Entity not found.","code":"entity_not_found","@instanceof":["@ebec/core/BaseError","@authup/errors/AuthupError","@authup/errors/EntityNotFoundError"]}"""));
        using var auth = Auth();

        Assert.That(await auth.GetRealmAsync(Guid.Parse(RealmId)), Is.Null);
    }

    [Test]
    public async Task Exchange_02_wrong_password_is_a_HubAuthenticationException_with_Authups_code()
    {
        await Hub.StubAsync(Hub.TokenRequest("password"), Hub.Respond(400,
            """{"name":"EntityCredentialsInvalidError","message":"The user credentials are invalid.","code":"invalid_credentials","@instanceof":["@ebec/core/BaseError","@authup/errors/AuthupError","@authup/errors/EntityCredentialsInvalidError"]}"""));
        using var core = Core(new PasswordAuth("admin", "wrong-password", Hub.AuthUrl));

        var error = Assert.ThrowsAsync<HubAuthenticationException>(() => core.GetNodeAsync(Hub.Node))!;

        Assert.That(error.Message, Is.EqualTo("received status code 400 (invalid_credentials): The user credentials are invalid."));
        Assert.That((error.StatusCode, error.Code, error.GrantType), Is.EqualTo((400, "invalid_credentials", "password")));
        Assert.That(error.ToString() + error.Response, Does.Not.Contain("wrong-password"));
        Assert.That(await Hub.CoreRequestsAsync(), Is.Empty);
    }

    [Test]
    public async Task Exchange_37_OAuth2_error_keeps_error_and_hint_beside_Authups_code()
    {
        await Hub.StubAsync(Hub.TokenRequest("client_credentials"), Hub.Respond(400,
            """{"name":"OAuth2GrantTypeError","message":"The authorization grant type is not supported by the authorization server","code":"unsupported_token_grant_type","@instanceof":["@ebec/core/BaseError","@authup/errors/AuthupError","@authup/specs/OAuth2Error","@authup/specs/OAuth2GrantTypeError"],"error":"unsupported_grant_type","hint":"Check that all required parameters have been provided"}"""));
        using var core = Core(new ClientAuth("my-client", "client-secret", Hub.AuthUrl));

        var error = Assert.ThrowsAsync<HubAuthenticationException>(() => core.GetNodeAsync(Hub.Node))!;

        Assert.That((error.StatusCode, error.Code, error.GrantType), Is.EqualTo((400, "unsupported_token_grant_type", "client_credentials")));
        Assert.That(error.HubMessage, Is.EqualTo("The authorization grant type is not supported by the authorization server"));
        Assert.That(error.Body!.Value.GetProperty("error").GetString(), Is.EqualTo("unsupported_grant_type"));
        Assert.That(error.Body.Value.GetProperty("hint").GetString(), Is.EqualTo("Check that all required parameters have been provided"));
    }
}
