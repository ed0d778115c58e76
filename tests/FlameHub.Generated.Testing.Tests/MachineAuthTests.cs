using FlameHub.Auth;
using FlameHub.Core;
using FlameHub.Testing;
using Microsoft.Extensions.Time.Testing;

namespace FlameHub.Generated.Testing.Tests;

/// <summary>The seeded machine identity, the robot and client-credentials grants and refresh tokens, as each release has them.</summary>
public sealed class MachineAuthTests
{
    [Test, CancelAfter(20_000)]
    public void The_system_account_is_the_releases_machine_identity()
    {
        using var hub = new FakeHub();

        // 0.8.13: the robot system, secret start123 (exchanges 18, 19); 0.14.0: no robots (37, 38), the built-in client system (56).
        Assert.That(hub.SystemAccount.GrantType, Is.EqualTo(HubWire.Is014 ? "client_credentials" : "robot_credentials"));
        Assert.That(hub.SystemAccount.Name, Is.EqualTo("system"));
        Assert.That(hub.SystemAccount.Secret, Is.EqualTo("start123"));
        Assert.That(hub.SystemAccount.ToString(), Does.Not.Contain("start123"));
        Assert.That(hub.System.ToString(), Does.Contain(HubWire.Is014 ? "ClientAuth" : "RobotAuth"));
    }

    [Test, CancelAfter(20_000)]
    public async Task The_system_credential_works_through_the_real_pipeline()
    {
        using var hub = new FakeHub();
        using var core = new CoreClient(hub.CoreUrl, hub.System, hub.Handler);

        var node = await core.CreateNodeAsync(new CreateNode { Name = "by-the-system" });

        Assert.That((await core.GetNodeAsync(node.Id))?.Name, Is.EqualTo("by-the-system"));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_machine_grant_answers_no_refresh_token()
    {
        using var hub = new FakeHub();
        using var wire = new HubWire(hub);

        var (status, body) = await wire.SystemGrantAsync();

        Assert.That(status, Is.EqualTo(200));
        Assert.That(body!.ContainsKey("access_token"), Is.True);
        Assert.That(body.ContainsKey("refresh_token"), Is.False, "exchange 19 (0.8.13 robot), 40 (0.14.0 client)");
        Assert.That(body["expires_in"]!.GetValue<int>(), Is.EqualTo(HubWire.Is014 ? 900 : 3600));
    }

    [Test, CancelAfter(20_000)]
    public async Task The_seeded_account_is_an_entity_of_the_master_realm_read_without_its_secret()
    {
        using var hub = new FakeHub();
        using var wire = new HubWire(hub);
        using var auth = new AuthClient(hub.AuthUrl, hub.Admin, hub.Handler);
        var master = (await auth.FindRealmsAsync(new FindOptions { Filter = { ["name"] = "master" } })).Single();
        var collection = hub.SystemAccount.GrantType == "robot_credentials" ? "robots" : "clients";

        var (status, list) = await wire.SendAsync(HttpMethod.Get, new Uri(hub.AuthUrl, $"{collection}?filter[name]=system"), await wire.AdminTokenAsync());

        Assert.That(status, Is.EqualTo(200));
        var system = list!["data"]!.AsArray().Single()!.AsObject();
        Assert.That(system["id"]!.GetValue<string>(), Is.EqualTo(hub.SystemAccount.Id.ToString()));
        Assert.That((system["realm_id"] ?? system["realmId"])!.GetValue<string>(), Is.EqualTo(master.Id.ToString()));
        Assert.That(system.ContainsKey("secret"), Is.False, "exchange 18 (0.8.13), 56 (0.14.0): read without the secret");
    }

    [Test, CancelAfter(20_000)]
    public async Task A_wrong_secret_is_refused_with_the_releases_400()
    {
        using var hub = new FakeHub();
        using var wire = new HubWire(hub);

        var (status, body) = await wire.SystemGrantAsync("not-the-secret");

        Assert.That(status, Is.EqualTo(400));
        Assert.That(body!["code"]!.GetValue<string>(), Is.EqualTo("invalid_credentials"));
        Assert.That(body["message"]!.GetValue<string>(), Is.EqualTo(HubWire.Is014 ? "The client credentials are invalid." : "The robot credentials are invalid."));
    }

    [Test, CancelAfter(20_000)]
    public async Task The_robot_grant_is_refused_as_unsupported_where_the_release_has_no_robots()
    {
        using var hub = new FakeHub();
        using var wire = new HubWire(hub);

        var (status, body) = await wire.GrantAsync(new { grant_type = "robot_credentials", id = Guid.NewGuid(), secret = "whatever-secret" });

        Assert.That(status, Is.EqualTo(400));
        // 0.14.0 exchange 37; on 0.8.13 the grant exists and an unknown robot is a wrong credential.
        Assert.That(body!["code"]!.GetValue<string>(), Is.EqualTo(HubWire.Is014 ? "unsupported_token_grant_type" : "invalid_credentials"));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_robot_created_with_a_secret_signs_in_with_it()
    {
        using var hub = new FakeHub();
        if (hub.SystemAccount.GrantType != "robot_credentials") Assert.Ignore("This Hub release has no robots (its system account is a client).");
        using var wire = new HubWire(hub);
        var admin = await wire.AdminTokenAsync();

        var (created, robot) = await wire.SendAsync(HttpMethod.Post, new Uri(hub.AuthUrl, "robots"), admin, new { name = "sync-robot", secret = "robot-secret" });
        Assert.That(created, Is.EqualTo(201));
        var id = robot!["id"]!.GetValue<string>();
        Assert.That(robot["secret"]?.GetValue<string>(), Is.EqualTo("robot-secret"), "the create answer shows the secret once");

        Assert.That((await wire.GrantAsync(new { grant_type = "robot_credentials", id, secret = "robot-secret" })).Status, Is.EqualTo(200));
        Assert.That((await wire.GrantAsync(new { grant_type = "robot_credentials", id, secret = "other" })).Status, Is.EqualTo(400));
        var (_, read) = await wire.SendAsync(HttpMethod.Get, new Uri(hub.AuthUrl, $"robots/{id}"), admin);
        Assert.That(read!.ContainsKey("secret"), Is.False, "exchange 18: robots are read without their secret");
    }

    [Test, CancelAfter(20_000)]
    public async Task A_client_created_through_AuthClient_with_only_a_secret_signs_in_where_the_release_keeps_it()
    {
        using var hub = new FakeHub();
        using var auth = new AuthClient(hub.AuthUrl, hub.Admin, hub.Handler);
        var master = (await auth.FindRealmsAsync(new FindOptions { Filter = { ["name"] = "master" } })).Single();

        var client = await auth.CreateClientAsync(new CreateClient { Name = "scheduler", RealmId = master.Id, Secret = "client-secret" });
        var credential = new ClientAuth(client.Id.ToString(), "client-secret", hub.AuthUrl, new HubCredentialOptions { TokenHandler = hub.Handler });
        using var core = new CoreClient(hub.CoreUrl, credential, hub.Handler);

        if (HubWire.Is014)
        {
            // 0.14.0 exchange 05: without authMethod "secret" the client's secret is dropped (null), so the grant is refused.
            Assert.That(client.Secret, Is.Null);
            var refused = Assert.ThrowsAsync<HubAuthenticationException>(() => core.FindNodesAsync());
            Assert.That(refused!.GrantType, Is.EqualTo("client_credentials"));
        }
        else
        {
            Assert.That((await core.FindNodesAsync()).Meta.Total, Is.Zero);
        }
    }

    [Test, CancelAfter(20_000)]
    public async Task A_client_created_with_the_releases_secret_method_signs_in_and_is_read_without_its_secret()
    {
        using var hub = new FakeHub();
        using var wire = new HubWire(hub);
        var admin = await wire.AdminTokenAsync();
        // 0.14.0 exchange 39: authMethod "secret" keeps the secret; 0.8.13's clients have no authMethod and keep it anyway.
        object body = HubWire.Is014
            ? new { name = "scheduler", authMethod = "secret", secret = "client-secret" }
            : new { name = "scheduler", secret = "client-secret" };

        var (status, created) = await wire.SendAsync(HttpMethod.Post, new Uri(hub.AuthUrl, "clients"), admin, body);
        Assert.That(status, Is.EqualTo(201));
        var entity = created!["data"] as System.Text.Json.Nodes.JsonObject ?? created;
        Assert.That(entity["secret"]?.GetValue<string>(), Is.EqualTo("client-secret"), "0.14.0 exchange 39: the create answer shows it");
        var id = entity["id"]!.GetValue<string>();

        using var auth = new AuthClient(hub.AuthUrl, new ClientAuth(id, "client-secret", hub.AuthUrl, new HubCredentialOptions { TokenHandler = hub.Handler }), hub.Handler);
        var read = await auth.GetClientAsync(Guid.Parse(id));
        Assert.That(read!.Name, Is.EqualTo("scheduler"));
        Assert.That(read.Secret, Is.Null, "0.14.0 exchange 06: read without the secret");
    }

    [Test, CancelAfter(20_000)]
    public async Task A_refresh_token_expires_on_the_fakes_clock_and_says_so_where_the_release_does()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        using var hub = new FakeHub(clock);
        using var wire = new HubWire(hub);
        var password = new { grant_type = "password", username = "admin", password = "start123" };

        var (_, first) = await wire.GrantAsync(password);
        // 0.14.0 exchange 34 says refresh_token_expires_in 259200; 0.8.13 exchange 02 does not (its lifetime is exchange 01's tokenMaxAgeRefreshToken).
        Assert.That(first!["refresh_token_expires_in"]?.GetValue<int>(), Is.EqualTo(HubWire.Is014 ? 259200 : null));
        clock.Advance(TimeSpan.FromSeconds(259199));
        Assert.That((await wire.GrantAsync(new { grant_type = "refresh_token", refresh_token = first["refresh_token"]!.GetValue<string>() })).Status, Is.EqualTo(200));

        var (_, second) = await wire.GrantAsync(password);
        clock.Advance(TimeSpan.FromSeconds(259200));
        var (status, body) = await wire.GrantAsync(new { grant_type = "refresh_token", refresh_token = second!["refresh_token"]!.GetValue<string>() });
        Assert.That(status, Is.EqualTo(400));
        Assert.That(body!["code"]!.GetValue<string>(), Is.EqualTo("invalid_credentials"));
    }
}
