using FlameHub.Core;
using FlameHub.Testing;
using Microsoft.Extensions.Time.Testing;

namespace FlameHub.Generated.Testing.Tests;

/// <summary>What every service answers a request without valid credentials, as each release answers it.</summary>
public sealed class CredentialCheckTests
{
    private static readonly string[] Services = ["auth", "core", "storage"];

    private static Uri Collection(FakeHub hub, string service) => service switch
    {
        "auth" => new Uri(hub.AuthUrl, "realms"),
        "core" => new Uri(hub.CoreUrl, "nodes"),
        _ => new Uri(hub.StorageUrl, "buckets"),
    };

    // 0.8.13 exchanges 20, 23; 0.14.0 exchanges 08, 15.
    private static string UnauthorizedCode => HubWire.Is014 ? "identity_unauthorized" : "UNAUTHORIZED";

    [TestCaseSource(nameof(Services)), CancelAfter(20_000)]
    public async Task A_request_without_a_token_is_401_with_the_releases_body(string service)
    {
        using var hub = new FakeHub();
        using var wire = new HubWire(hub);

        var (status, body) = await wire.SendAsync(HttpMethod.Get, Collection(hub, service), bearer: null);

        Assert.That(status, Is.EqualTo(401));
        Assert.That(body!["code"]!.GetValue<string>(), Is.EqualTo(UnauthorizedCode));
    }

    [TestCaseSource(nameof(Services)), CancelAfter(20_000)]
    public async Task A_token_the_fake_never_issued_is_answered_as_the_release_answers_a_garbage_token(string service)
    {
        using var hub = new FakeHub();
        using var wire = new HubWire(hub);

        var (status, body) = await wire.SendAsync(HttpMethod.Get, Collection(hub, service), bearer: "made-up");

        if (HubWire.Is014 && service != "auth")
        {
            // 0.14.0 exchange 16: core turns the malformed token into a 500.
            Assert.That(status, Is.EqualTo(500));
            Assert.That(body!["message"]!.GetValue<string>(), Is.EqualTo("Property token is invalid"));
        }
        else
        {
            Assert.That(status, Is.EqualTo(401));
            Assert.That(body!["code"]!.GetValue<string>(), Is.EqualTo(UnauthorizedCode));
        }
    }

    [TestCaseSource(nameof(Services)), CancelAfter(20_000)]
    public async Task An_expired_token_is_401_on_every_service(string service)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        using var hub = new FakeHub(clock);
        using var wire = new HubWire(hub);
        var token = await wire.AdminTokenAsync();
        Assert.That((await wire.SendAsync(HttpMethod.Get, Collection(hub, service), token)).Status, Is.EqualTo(200));

        clock.Advance(TimeSpan.FromSeconds(HubWire.Is014 ? 900 : 3600));
        var (status, body) = await wire.SendAsync(HttpMethod.Get, Collection(hub, service), token);

        Assert.That(status, Is.EqualTo(401));
        Assert.That(body!["code"]!.GetValue<string>(), Is.EqualTo(UnauthorizedCode));
    }

    [Test, CancelAfter(20_000)]
    public async Task The_library_renews_the_admin_token_when_the_fakes_clock_passes_its_expiry()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
        using var hub = new FakeHub(clock);
        using var core = new CoreClient(hub.CoreUrl, new HubClientOptions { Credential = hub.Admin, TimeProvider = clock }, hub.Handler);
        await core.CreateNodeAsync(new CreateNode { Name = "before" });

        clock.Advance(TimeSpan.FromHours(2));

        Assert.That((await core.FindNodesAsync()).Meta.Total, Is.EqualTo(1));
    }

    [TestCase("core"), TestCase("storage"), CancelAfter(20_000)]
    public async Task Basic_credentials_are_taken_where_the_release_takes_them(string service)
    {
        using var hub = new FakeHub();
        using var wire = new HubWire(hub);

        var (status, body) = await wire.SendAsync(HttpMethod.Get, Collection(hub, service), HubWire.Basic("admin", "start123"));
        var (wrong, _) = await wire.SendAsync(HttpMethod.Get, Collection(hub, service), HubWire.Basic("admin", "not-the-password"));

        if (HubWire.Is014)
        {
            // 0.14.0 exchange 69.
            Assert.That(status, Is.EqualTo(500));
            Assert.That(body!["message"]!.GetValue<string>(), Is.EqualTo("Only Bearer tokens are accepted as authentication method."));
            Assert.That(wrong, Is.EqualTo(500));
        }
        else
        {
            // 0.8.13 exchange 34.
            Assert.That(status, Is.EqualTo(200));
            Assert.That(wrong, Is.EqualTo(401));
        }
    }

    [Test, CancelAfter(20_000)]
    public async Task The_auth_service_takes_no_Basic_credentials()
    {
        using var hub = new FakeHub();
        using var wire = new HubWire(hub);

        var (status, _) = await wire.SendAsync(HttpMethod.Get, Collection(hub, "auth"), HubWire.Basic("admin", "start123"));

        Assert.That(status, Is.EqualTo(401));
    }
}
