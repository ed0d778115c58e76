using System.Reflection;
using FlameHub.Auth;
using FlameHub.Generated.Tests.Transport;

namespace FlameHub.Generated.Tests.Contract;

/// <summary>
/// Tokens from Authup 1.0.0-beta.62 behind Hub 0.14.0, against the recorded exchanges: the grants the
/// package's credentials send, what they read from the answers, and the robots that are gone.
/// </summary>
public class AuthTokenContractTests
{
    private const string ClientId = "4d668181-8850-42c6-8509-50387b25b11c";
    private const string ClientSecret = "hub14-cc-secret-093059";

    [SetUp]
    public Task Reset() => WireMockFixture.Server.ResetAsync();

    [Test]
    public async Task Exchange_01_password_grant_gives_the_token_for_its_lifetime()
    {
        var exchange = await Exchange.StubAsync(1);
        var clock = new TestClock();
        var credential = new PasswordAuth("admin", "start123", ContractClients.AuthUrl, new HubCredentialOptions { TimeProvider = clock });

        var header = await credential.GetAuthorizationAsync();
        // expires_in is 900 s, renewed a minute early: just before that the cached token is still the one.
        clock.Advance(TimeSpan.FromSeconds(900 - 60 - 1));
        var again = await credential.GetAuthorizationAsync();

        await exchange.AssertSentAsync();
        Assert.That(header.ToString(), Is.EqualTo("Bearer token-01"));
        Assert.That(again, Is.EqualTo(header), "one grant for the token's life");
    }

    [Test]
    public async Task Exchange_02_wrong_password_throws_the_refusal()
    {
        var exchange = await Exchange.StubAsync(2);
        var credential = new PasswordAuth("admin", "wrong-password", ContractClients.AuthUrl);

        var error = Assert.ThrowsAsync<HubAuthenticationException>(async () => await credential.GetAuthorizationAsync());

        await exchange.AssertSentAsync();
        exchange.AssertError(error);
        Assert.That(error!.GrantType, Is.EqualTo("password"));
    }

    [Test]
    public async Task Exchange_33_password_grant_form_encoded()
    {
        var exchange = await Exchange.StubAsync(33);
        var credential = new PasswordAuth("admin", "start123", ContractClients.AuthUrl, new HubCredentialOptions { FormEncodedGrants = true });

        var header = await credential.GetAuthorizationAsync();

        await exchange.AssertSentAsync();
        Assert.That(header.ToString(), Is.EqualTo("Bearer token-33"));
    }

    [Test]
    public async Task Exchange_34_refresh_grant_renews_with_the_refresh_token_of_the_grant_before()
    {
        // The recorded refresh used the refresh token exchange 33 issued: its answer comes first.
        await Exchange.Load(33).StubJsonAsync();
        var clock = new TestClock();
        var credential = new PasswordAuth("admin", "start123", ContractClients.AuthUrl, new HubCredentialOptions { TimeProvider = clock });
        Assert.That((await credential.GetAuthorizationAsync()).ToString(), Is.EqualTo("Bearer token-33"));
        await WireMockFixture.Server.ClearRequestsAsync();
        var exchange = await Exchange.StubAsync(34);

        clock.Advance(TimeSpan.FromSeconds(900 - 60));
        var renewed = await credential.GetAuthorizationAsync();

        await exchange.AssertSentAsync();
        Assert.That(renewed.ToString(), Is.EqualTo("Bearer token-34"));
    }

    [Test]
    public async Task Exchange_35_token_introspection()
    {
        var exchange = await Exchange.StubAsync(35);
        using var auth = ContractClients.Auth();

        var claims = await auth.IntrospectTokenAsync(new TokenIntrospectionRequest { Token = "token-01" });

        await exchange.AssertSentAsync();
        ModelAssert.Populated(claims, exchange.ResponseBody);
    }

    [Test]
    public void Exchange_37_robot_credentials_grant_has_no_credential_in_the_package()
    {
        // Authup beta.62 refuses the robot_credentials grant (recorded: unsupported_grant_type); the
        // package for it has no credential that could send it.
        var exchange = Exchange.Load(37);
        Assert.That(exchange.RequestBody!["grant_type"]!.GetValue<string>(), Is.EqualTo("robot_credentials"));
        Assert.That(exchange.ResponseBody!["error"]!.GetValue<string>(), Is.EqualTo("unsupported_grant_type"));

        var credentials = typeof(IHubCredential).Assembly.GetExportedTypes().Where(t => typeof(IHubCredential).IsAssignableFrom(t)).Select(t => t.Name);
        Assert.That(credentials, Has.None.Contains("Robot"));
        Assert.That(typeof(IHubCredential).Assembly.GetType("FlameHub.RobotAuth"), Is.Null);
    }

    [Test]
    public void Exchange_38_robots_route_has_no_operation_in_the_package()
    {
        // GET /auth/robots answers 404 Not Found on beta.62: no operation of the auth client calls it.
        var exchange = Exchange.Load(38);
        Assert.That(exchange.Status, Is.EqualTo(404));
        var collection = exchange.Path["/auth/".Length..];

        var operations = typeof(AuthClient).GetMethods()
            .Select(m => m.GetCustomAttribute<HubOperationAttribute>()?.Path)
            .Where(p => p is not null)
            .ToList();
        Assert.That(operations, Is.Not.Empty);
        Assert.That(operations.Where(p => p!.Split('/')[0] == collection), Is.Empty);
        Assert.That(typeof(AuthClient).GetMethods().Select(m => m.Name), Has.None.Contains("Robot"));
    }

    [Test]
    public async Task Exchange_40_client_credentials_grant()
    {
        var exchange = await Exchange.StubAsync(40);
        var credential = new ClientAuth(ClientId, ClientSecret, ContractClients.AuthUrl);

        var header = await credential.GetAuthorizationAsync();

        await exchange.AssertSentAsync();
        Assert.That(header.ToString(), Is.EqualTo("Bearer token-40"));
        Assert.That(exchange.ResponseBody!["refresh_token"], Is.Null, "recorded: a client gets no refresh token");
    }
}
