using FlameHub.Auth;
using FlameHub.Core;

namespace FlameHub.Generated.Tests.Live;

/// <summary>
/// What only Hub 0.14.0 (Authup 1.0.0-beta.62) has, against a <see cref="FakeHub"/> of that release (every run)
/// and a real one (with <c>FLAMEHUB_URL</c>), with the same assertions; what they create they delete.
/// </summary>
[Category("Live")]
[TestFixture(HubTarget.Fake)]
[TestFixture(HubTarget.Live)]
public sealed class LiveHub014Tests(string target) : LiveSuite(target)
{
    [Test]
    public async Task A_client_with_a_secret_signs_in_with_client_credentials()
    {
        using var auth = Auth();
        var master = (await auth.FindRealmsAsync(new FindOptions { Filter = { [RealmFields.Name] = "master" } })).Single();
        var secret = "live-" + Guid.NewGuid().ToString("N");
        var client = await auth.CreateClientAsync(new CreateClient
        {
            Name = "live-cc-" + Guid.NewGuid().ToString("N")[..8],
            RealmId = master.Id,
            AuthMethod = "secret",
            Secret = secret,
        });
        try
        {
            using var core = new CoreClient(Service("core"), new ClientAuth(client.Id.ToString(), secret, Service("auth")));
            var nodes = await core.FindNodesAsync(new FindOptions { Page = new Page(1) });
            Assert.That(nodes.Meta.Total, Is.GreaterThanOrEqualTo(nodes.Count));
        }
        finally
        {
            await auth.DeleteClientAsync(client.Id);
        }
    }

    [Test]
    public async Task EndsWith_and_Contains_filter_permissions_by_name()
    {
        using var auth = Auth();
        var ending = await auth.FindPermissionsAsync(new FindOptions { Filter = { [PermissionFields.Name] = Filter.EndsWith("_create") }, Page = new Page(50) });
        var containing = await auth.FindPermissionsAsync(new FindOptions { Filter = { [PermissionFields.Name] = Filter.Contains("bucket") }, Page = new Page(50) });

        Assert.That(ending.Select(p => p.Name), Is.Not.Empty.And.All.EndsWith("_create"));
        Assert.That(containing.Select(p => p.Name), Is.Not.Empty.And.All.Contains("bucket"));
    }
}
