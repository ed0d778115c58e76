using FlameHub.Core;
using FlameHub.Testing;
using FlameHub.Testing.Model;
using Microsoft.Extensions.Time.Testing;

namespace FlameHub.Generated.Testing.Tests;

/// <summary>Tokens as Authup issues them, and 401 for every request without a valid one.</summary>
public sealed class AuthTests
{
    [Test, CancelAfter(20_000)]
    public async Task A_request_without_a_token_is_401_with_the_releases_body()
    {
        using var hub = new FakeHub();
        using var raw = new HubWire(hub);

        var (status, body) = await raw.SendAsync(HttpMethod.Get, new Uri(hub.CoreUrl, "nodes"), bearer: null);

        Assert.That(status, Is.EqualTo(401));
        // The release's 401 body (hub-0.8.13 exchange 23: UNAUTHORIZED; hub-0.14.0 exchange 15: identity_unauthorized).
        Assert.That(body?.ToJsonString(), Is.EqualTo(FakeQuirks.Load().Error("core", "unauthorized").Body.ToJsonString()));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_token_the_fake_did_not_issue_is_refused_as_the_release_refuses_it()
    {
        using var hub = new FakeHub();
        using var core = new CoreClient(hub.CoreUrl, new StaticTokenAuth("made-up"), hub.Handler);

        var refused = Assert.ThrowsAsync<HubApiException>(() => core.FindNodesAsync());
        // 0.14.0's core answers a malformed bearer token with a 500 (its exchange 16).
        Assert.That(refused!.StatusCode, Is.EqualTo(HubWire.Is014 ? 500 : 401));
    }

    [Test, CancelAfter(20_000)]
    public void A_wrong_password_is_refused_at_the_token_endpoint()
    {
        using var hub = new FakeHub();
        var wrong = new PasswordAuth("admin", "not-the-password", hub.AuthUrl, new HubCredentialOptions { TokenHandler = hub.Handler });
        using var core = new CoreClient(hub.CoreUrl, wrong, hub.Handler);

        var refused = Assert.ThrowsAsync<HubAuthenticationException>(() => core.FindNodesAsync());
        Assert.That(refused!.GrantType, Is.EqualTo("password"));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_token_expires_on_the_fakes_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        using var hub = new FakeHub(clock);
        using var raw = new HubWire(hub);
        var token = await raw.AdminTokenAsync();
        Assert.That((await raw.SendAsync(HttpMethod.Get, new Uri(hub.CoreUrl, "nodes"), token)).Status, Is.EqualTo(200));

        // The release's lifetime: 3600 s on 0.8.13 (exchange 02), 900 s on 0.14.0 (exchange 01).
        var lifetime = FakeQuirks.Load().TokenLifetime;
        Assert.That(lifetime, Is.GreaterThan(TimeSpan.FromSeconds(1)));
        clock.Advance(lifetime - TimeSpan.FromSeconds(1));
        Assert.That((await raw.SendAsync(HttpMethod.Get, new Uri(hub.CoreUrl, "nodes"), token)).Status, Is.EqualTo(200), "valid for expires_in");
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.That((await raw.SendAsync(HttpMethod.Get, new Uri(hub.CoreUrl, "nodes"), token)).Status, Is.EqualTo(401));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_refresh_token_gives_a_new_token_once()
    {
        using var hub = new FakeHub();
        using var raw = new HubWire(hub);
        var first = await raw.TokenAsync(new { grant_type = "password", username = "admin", password = "start123" });
        var refresh = first["refresh_token"]!.GetValue<string>();

        var second = await raw.TokenAsync(new { grant_type = "refresh_token", refresh_token = refresh });
        Assert.That(second["access_token"]!.GetValue<string>(), Is.Not.EqualTo(first["access_token"]!.GetValue<string>()));
        Assert.That((await raw.SendAsync(HttpMethod.Get, new Uri(hub.CoreUrl, "nodes"), second["access_token"]!.GetValue<string>())).Status, Is.EqualTo(200));

        var (status, _) = await raw.SendAsync(HttpMethod.Post, new Uri(hub.AuthUrl, "token"), bearer: null, body: new { grant_type = "refresh_token", refresh_token = refresh });
        Assert.That(status, Is.EqualTo(400), "a refresh token is used up by its grant");
    }

    [Test, CancelAfter(20_000)]
    public async Task The_admin_credential_of_the_fake_signs_in_through_the_real_pipeline()
    {
        using var hub = new FakeHub();
        using var core = new CoreClient(hub.CoreUrl, hub.Admin, hub.Handler);

        Assert.That((await core.FindNodesAsync()).Meta.Total, Is.Zero);
    }
}
