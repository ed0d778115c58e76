using System.Text;
using FlameHub.Core;
using FlameHub.Generated.Tests.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FlameHub.Generated.Tests.DependencyInjection;

/// <summary>
/// The <c>Credential</c> section of each <c>Kind</c>: the grant the loopback Hub's token endpoint
/// receives (at the bound auth URL) and the <c>Authorization</c> header the core call carries.
/// </summary>
public sealed class ConfigurationCredentialTests
{
    private ConfiguredHub _hub = null!;

    [SetUp]
    public async Task Start() => _hub = await ConfiguredHub.StartAsync();

    [TearDown]
    public async Task Stop() => await _hub.DisposeAsync();

    /// <summary>Separate URLs, so the token request's path shows the credential took the bound AuthUrl.</summary>
    private async Task<ReceivedRequest> CallCoreAsync(params (string Key, string? Value)[] credential)
    {
        using var provider = _hub.Provider([
            ("AuthUrl", new Uri(_hub.BaseAddress, "authup/").ToString()),
            ("CoreUrl", new Uri(_hub.BaseAddress, "core/").ToString()),
            ("StorageUrl", new Uri(_hub.BaseAddress, "storage/").ToString()),
            .. credential.Select(c => ("Credential:" + c.Key, c.Value))]);
        var node = await Hub.Bounded(provider.GetRequiredService<ICoreClient>().GetNodeAsync(Hub.Node));
        Assert.That(node, Is.Not.Null);
        return _hub.Requests("/core/nodes/" + Hub.NodeId).Single();
    }

    private string GrantBody() => _hub.Requests("/token").Single().Body;

    [TestCase("Password")]
    [TestCase("password")]
    [CancelAfter(20_000)]
    public async Task Password_makes_the_password_grant_at_the_bound_auth_url(string kind)
    {
        var core = await CallCoreAsync(("Kind", kind), ("Username", "admin"), ("Password", "pw-from-user-secrets"));

        var token = _hub.Requests("/token").Single();
        Assert.That(token.Path, Is.EqualTo("/authup/token"));
        Assert.That(Hub.SameJson(token.Body, """{"grant_type":"password","username":"admin","password":"pw-from-user-secrets"}"""), Is.True, token.Body);
        Assert.That(core.Authorization, Is.EqualTo("Bearer " + ConfiguredHub.Token));
    }

#if HUB_ROBOTS
    [Test, CancelAfter(20_000)]
    public async Task Robot_makes_the_robot_credentials_grant()
    {
        var core = await CallCoreAsync(("Kind", "Robot"), ("Id", Hub.RobotId), ("Secret", "robot-secret-1"));

        Assert.That(Hub.SameJson(GrantBody(), $$"""{"grant_type":"robot_credentials","id":"{{Hub.RobotId}}","secret":"robot-secret-1"}"""), Is.True, GrantBody());
        Assert.That(core.Authorization, Is.EqualTo("Bearer " + ConfiguredHub.Token));
    }
#endif

    [Test, CancelAfter(20_000)]
    public async Task Client_makes_the_client_credentials_grant()
    {
        var core = await CallCoreAsync(("Kind", "Client"), ("ClientId", "flame-client"), ("ClientSecret", "client-secret-1"));

        Assert.That(Hub.SameJson(GrantBody(), """{"grant_type":"client_credentials","client_id":"flame-client","client_secret":"client-secret-1"}"""), Is.True, GrantBody());
        Assert.That(core.Authorization, Is.EqualTo("Bearer " + ConfiguredHub.Token));
    }

    [Test, CancelAfter(20_000)]
    public async Task StaticToken_sends_the_token_and_requests_none()
    {
        var core = await CallCoreAsync(("Kind", "StaticToken"), ("Token", "oidc-access-token"));

        Assert.That(core.Authorization, Is.EqualTo("Bearer oidc-access-token"));
        Assert.That(_hub.Requests("/token"), Is.Empty);
    }

#if HUB_BASIC_AUTH
    [Test, CancelAfter(20_000)]
    public async Task Basic_sends_the_user_and_password()
    {
        var core = await CallCoreAsync(("Kind", "Basic"), ("Username", "admin"), ("Password", "start123"));

        Assert.That(core.Authorization, Is.EqualTo("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:start123"))));
        Assert.That(_hub.Requests("/token"), Is.Empty);
    }
#endif

    [Test, CancelAfter(20_000)]
    public async Task None_sends_no_authorization()
    {
        var core = await CallCoreAsync(("Kind", "None"));

        Assert.That(core.Authorization, Is.Null);
        Assert.That(_hub.Requests("/token"), Is.Empty);
    }

    [Test]
    public void A_bound_credential_shows_no_secret_in_its_description()
    {
        using var provider = _hub.Provider(("Credential:Kind", "Client"), ("Credential:ClientId", "flame-client"), ("Credential:ClientSecret", "client-secret-1"));

        var credential = provider.GetRequiredService<IOptions<FlameHubOptions>>().Value.Credential;

        Assert.That(credential, Is.TypeOf<ClientAuth>());
        Assert.That(credential!.ToString(), Does.Contain("flame-client").And.Not.Contain("client-secret-1"));
        Assert.That(((ClientAuth)credential).TokenUrl, Is.EqualTo(new Uri(_hub.BaseAddress, "auth/token")), "the gateway's auth URL");
    }
}
