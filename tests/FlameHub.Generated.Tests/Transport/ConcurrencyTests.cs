using FlameHub.Core;
using FlameHub.Storage;

namespace FlameHub.Generated.Tests.Transport;

/// <summary>The token cache under load: concurrent callers wait for one token request.</summary>
public class ConcurrencyTests
{
    [SetUp]
    public Task Reset() => Hub.Server.ResetAsync();

    [Test, CancelAfter(30_000)]
    public async Task Sixty_four_concurrent_calls_without_a_token_cause_one_token_request()
    {
        var token = Hub.Jwt("a1");
        await Hub.StubTokenAsync(token, Hub.Jwt("r1"), delayMilliseconds: 300);
        await Hub.StubNodeAsync(bearer: token);
        using var core = new CoreClient(Hub.CoreUrl, Hub.QuickOptions(new PasswordAuth("admin", "start123", Hub.AuthUrl)));

        var nodes = await Hub.Bounded(Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => core.GetNodeAsync(Hub.Node)))));

        Assert.That(nodes, Has.All.Not.Null);
        Assert.That(await Hub.TokenRequestsAsync(), Has.Count.EqualTo(1));
        Assert.That(await Hub.CoreRequestsAsync(), Has.Count.EqualTo(64));
    }

    [Test, CancelAfter(30_000)]
    public async Task Sixty_four_concurrent_calls_with_an_expired_token_cause_one_renewal()
    {
        string access1 = Hub.Jwt("a1"), refresh1 = Hub.Jwt("r1"), access2 = Hub.Jwt("a2");
        await Hub.StubTokenAsync(access1, refresh1, grantType: "password");
        await Hub.StubTokenAsync(access2, Hub.Jwt("r2"), grantType: "refresh_token", refreshTokenSent: refresh1, delayMilliseconds: 300);
        await Hub.StubNodeAsync();
        var clock = new ManualClock();
        using var core = new CoreClient(Hub.CoreUrl, Hub.QuickOptions(new PasswordAuth("admin", "start123", Hub.AuthUrl, new HubCredentialOptions { TimeProvider = clock })));
        await core.GetNodeAsync(Hub.Node);
        clock.Advance(TimeSpan.FromHours(1));

        await Hub.Bounded(Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => core.GetNodeAsync(Hub.Node)))));

        var grants = await Hub.TokenRequestsAsync();
        Assert.That(grants, Has.Count.EqualTo(2));
        Assert.That(Hub.Body(grants[1]), Does.Contain("refresh_token"));
        var bearers = (await Hub.CoreRequestsAsync()).Skip(1).Select(r => Hub.Header(r, "Authorization")).Distinct();
        Assert.That(bearers, Is.EqualTo(new[] { "Bearer " + access2 }));
    }

    [Test, CancelAfter(30_000)]
    public async Task Concurrent_calls_with_a_short_lived_token_still_cause_one_token_request()
    {
        // A lifetime under the 60 s refresh margin must not turn the single-flight cache into one grant per caller.
        await Hub.StubTokenAsync(Hub.Jwt("short"), Hub.Jwt("r1"), expiresIn: 30, delayMilliseconds: 100);
        await Hub.StubNodeAsync();
        using var core = new CoreClient(Hub.CoreUrl, Hub.QuickOptions(new PasswordAuth("admin", "start123", Hub.AuthUrl)));

        await Hub.Bounded(Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => core.GetNodeAsync(Hub.Node)))));

        Assert.That(await Hub.TokenRequestsAsync(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Core_and_storage_clients_sharing_one_credential_share_one_token()
    {
        var token = Hub.Jwt("shared");
        await Hub.StubTokenAsync(token, Hub.Jwt("r1"), delayMilliseconds: 200);
        await Hub.StubNodeAsync(bearer: token);
        await Hub.StubAsync(Hub.Request("GET", "/storage/buckets", bearer: token, exactUrl: false), Hub.Respond(200, Hub.EmptyListJson));
        var credential = new PasswordAuth("admin", "start123", Hub.AuthUrl);
        using var core = new CoreClient(Hub.CoreUrl, credential);
        using var storage = new StorageClient(Hub.StorageUrl, credential);

        var node = core.GetNodeAsync(Hub.Node);
        var buckets = storage.FindBucketsAsync();
        await Hub.Bounded(Task.WhenAll(node, buckets));

        Assert.That(await node, Is.Not.Null);
        Assert.That((await buckets).Meta.Total, Is.EqualTo(0));
        Assert.That(await Hub.TokenRequestsAsync(), Has.Count.EqualTo(1));
    }
}
