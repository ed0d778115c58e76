using FlameHub.Auth;
using FlameHub.Core;

namespace FlameHub.Generated.Tests.Live;

/// <summary>
/// The recorded exchanges' scenarios against a <see cref="FakeHub"/> (every run) and a real Hub (with
/// <c>FLAMEHUB_URL</c>), with the same assertions (<see cref="HubTarget"/>); what they create they delete.
/// </summary>
[Category("Live")]
[TestFixture(HubTarget.Fake)]
[TestFixture(HubTarget.Live)]
public sealed class LiveScenarioTests(string target) : LiveSuite(target)
{
    [Test]
    public async Task Realms_filtered_by_name_find_master()
    {
        using var auth = Auth();
        var realms = await auth.FindRealmsAsync(new FindOptions { Filter = { [RealmFields.Name] = "master" } });
        Assert.That(realms.Single().Name, Is.EqualTo("master"));
    }

    [Test]
    public async Task A_sorted_page_of_selected_fields_is_served()
    {
        using var auth = Auth();
        var realms = await auth.FindRealmsAsync(new FindOptions { Page = new Page(2, 0), Sort = { "-" + RealmFields.CreatedAt }, Fields = { RealmFields.Id, RealmFields.Name } });
        Assert.That(realms.Count, Is.LessThanOrEqualTo(2));
        Assert.That(realms.Meta.Limit, Is.EqualTo(2));
        Assert.That(realms.Select(r => r.Name), Is.All.Not.Null);
    }

    [Test]
    public async Task Users_come_with_their_realm_included()
    {
        using var auth = Auth();
        var users = await auth.FindUsersAsync(new FindOptions { Filter = { [UserFields.Name] = Hub.User } });
        Assert.That(users.Single().Realm, Is.Not.Null);
    }

    [Test]
    public async Task StartsWith_filters_permissions_by_name_prefix()
    {
        using var auth = Auth();
        var permissions = await auth.FindPermissionsAsync(new FindOptions { Filter = { [PermissionFields.Name] = Filter.StartsWith("node") }, Page = new Page(5) });
        Assert.That(permissions.Select(p => p.Name), Is.Not.Empty.And.All.StartsWith("node"));
    }

    [Test]
    public async Task An_unknown_include_is_ignored_by_the_Hub()
    {
        using var core = Core();
        Assert.That(await core.FindNodesAsync(new FindOptions { Include = { "nope" }, Page = new Page(1) }), Is.Not.Null);
    }

    [Test]
    public async Task Missing_single_records_are_null()
    {
        using var auth = Auth();
        Assert.That(await auth.GetRealmAsync(Guid.Empty), Is.Null);
    }

    [Test]
    public void An_invalid_node_is_refused_with_the_Hubs_validation_error()
    {
        using var core = Core();
        var error = Assert.ThrowsAsync<HubApiException>(() => core.CreateNodeAsync(new CreateNode { Name = "x", RealmId = Guid.NewGuid(), Type = new NodeType("not-a-node-type") }));
        Assert.That(error!.StatusCode, Is.EqualTo(400));
    }

    [Test]
    public async Task A_deleted_node_reads_as_null()
    {
        using var auth = Auth();
        using var core = Core();
        var master = (await auth.FindRealmsAsync(new FindOptions { Filter = { [RealmFields.Name] = "master" } })).Single();
        var node = await core.CreateNodeAsync(new CreateNode { Name = "live-" + Guid.NewGuid().ToString("N")[..8], RealmId = master.Id });
        await core.DeleteNodeAsync(node);
        Assert.That(await core.GetNodeAsync(node.Id), Is.Null);
    }
}
