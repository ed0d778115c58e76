using System.Text.Json.Nodes;
using FlameHub.Auth;
using FlameHub.Testing;
using Microsoft.Extensions.Time.Testing;

namespace FlameHub.Generated.Testing.Tests;

/// <summary>Token introspection through the real AuthClient, with the claims the release's Authup gives.</summary>
public sealed class IntrospectionTests
{
    [Test, CancelAfter(20_000)]
    public async Task The_admins_token_introspects_as_the_admin_of_the_master_realm()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        using var hub = new FakeHub(clock);
        using var wire = new HubWire(hub);
        using var auth = new AuthClient(hub.AuthUrl, hub.Admin, hub.Handler);
        var token = await wire.AdminTokenAsync();
        var admin = (await auth.FindUsersAsync(new FindOptions { Filter = { ["name"] = "admin" } })).Single();

        var claims = JsonNode.Parse(Newtonsoft.Json.JsonConvert.SerializeObject(await auth.IntrospectTokenAsync(new TokenIntrospectionRequest { Token = token })))!.AsObject();

        Assert.That(claims["active"]!.GetValue<bool>(), Is.True);
        Assert.That(claims["sub"]!.GetValue<string>(), Is.EqualTo(admin.Id.ToString()));
        Assert.That(claims["sub_kind"]!.GetValue<string>(), Is.EqualTo("user"));
        Assert.That(claims["realm_name"]!.GetValue<string>(), Is.EqualTo("master"));
        Assert.That(claims["preferred_username"]!.GetValue<string>(), Is.EqualTo("admin"));
        // The typed answer is a dictionary of objects; its numbers are read as doubles here.
        Assert.That(claims["exp"]!.GetValue<double>() - claims["iat"]!.GetValue<double>(), Is.EqualTo(HubWire.Is014 ? 900 : 3600));
        // 0.8.13 exchange 05: iss is the auth URL; 0.14.0 exchange 35: the realm's issuer URL.
        Assert.That(claims["iss"]!.GetValue<string>(), Is.EqualTo(HubWire.Is014 ? hub.AuthUrl + "realms/master" : hub.AuthUrl.ToString()));
    }

    [Test, CancelAfter(20_000)]
    public async Task The_system_accounts_token_introspects_as_a_machine_and_an_expired_one_as_inactive()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        using var hub = new FakeHub(clock);
        using var wire = new HubWire(hub);
        var (_, grant) = await wire.SystemGrantAsync();
        var token = grant!["access_token"]!.GetValue<string>();
        var admin = await wire.AdminTokenAsync();

        var (status, claims) = await wire.SendAsync(HttpMethod.Post, new Uri(hub.AuthUrl, "token/introspect"), admin, new { token });
        Assert.That(status, Is.EqualTo(200));
        Assert.That(claims!["sub"]!.GetValue<string>(), Is.EqualTo(hub.SystemAccount.Id.ToString()));
        Assert.That(claims["sub_kind"]!.GetValue<string>(), Is.EqualTo(HubWire.Is014 ? "client" : "robot"));
        Assert.That(claims.ContainsKey("preferred_username"), Is.False, "user claims are for users");

        clock.Advance(TimeSpan.FromHours(1));
        var (_, expired) = await wire.SendAsync(HttpMethod.Post, new Uri(hub.AuthUrl, "token/introspect"), bearer: null, new { token });
        Assert.That(expired!["active"]!.GetValue<bool>(), Is.False);
    }
}
