using FlameHub.Auth;

namespace FlameHub.Generated.Tests.Contract;

/// <summary>
/// Permissions and roles on the auth service, against the recorded exchanges: rapiq 2's LIKE
/// operators, which mean other things than rapiq 0.9's on Hub 0.8.13 (<c>~x</c> was starts-with
/// there, is ends-with here; starts-with is <c>x~</c>).
/// </summary>
public class AuthPermissionContractTests
{
    [SetUp]
    public Task Reset() => WireMockFixture.Server.ResetAsync();

    [Test]
    public async Task Exchange_51_ends_with_sends_tilde_before_the_suffix()
    {
        var exchange = await Exchange.StubAsync(51);
        using var auth = ContractClients.Auth();

        var permissions = await auth.FindPermissionsAsync(Names(Filter.EndsWith("_create"), limit: 50));

        await exchange.AssertSentAsync(ContractClients.OffsetZero);
        ModelAssert.PopulatedList(permissions, exchange.ResponseBody);
        Assert.That(permissions.Select(p => p.Name), Is.All.EndsWith("_create"));
    }

    [Test]
    public async Task Exchange_52_starts_with_sends_tilde_after_the_prefix()
    {
        var exchange = await Exchange.StubAsync(52);
        using var auth = ContractClients.Auth();

        var permissions = await auth.FindPermissionsAsync(Names(Filter.StartsWith("node"), limit: 50));

        await exchange.AssertSentAsync(ContractClients.OffsetZero);
        ModelAssert.PopulatedList(permissions, exchange.ResponseBody);
        Assert.That(permissions.Select(p => p.Name), Is.EqualTo(new[] { "node_create", "node_update", "node_delete" }));
    }

    [Test]
    public async Task Exchange_53_contains_sends_tildes_around_the_part()
    {
        var exchange = await Exchange.StubAsync(53);
        using var auth = ContractClients.Auth();

        var permissions = await auth.FindPermissionsAsync(Names(Filter.Contains("bucket"), limit: 50));

        await exchange.AssertSentAsync(ContractClients.OffsetZero);
        ModelAssert.PopulatedList(permissions, exchange.ResponseBody);
        Assert.That(permissions.Select(p => p.Name), Is.All.Contains("bucket"));
    }

    [Test]
    public async Task Exchange_54_tilde_before_is_ends_with_so_node_matches_nothing()
    {
        var exchange = await Exchange.StubAsync(54);
        using var auth = ContractClients.Auth();

        // What 0.8.13's StartsWith("node") sent (~node) is EndsWith("node") on 0.14.0, and matches nothing.
        var permissions = await auth.FindPermissionsAsync(new FindOptions
        {
            Filter = { [PermissionFields.Name] = Filter.EndsWith("node") },
            Page = new Page(Limit: 5),
            Include = { UseDefaults = false },
        });

        await exchange.AssertSentAsync(ContractClients.OffsetZero);
        ModelAssert.PopulatedList(permissions, exchange.ResponseBody);
        Assert.That(permissions, Is.Empty);
        Assert.That(permissions.Meta.Total, Is.Zero);
    }

    [Test]
    public async Task Exchange_55_roles_with_page_limit()
    {
        var exchange = await Exchange.StubAsync(55);
        using var auth = ContractClients.Auth();

        var roles = await auth.FindRolesAsync(new FindOptions { Page = new Page(Limit: 10), Include = { UseDefaults = false } });

        await exchange.AssertSentAsync(ContractClients.OffsetZero);
        ModelAssert.PopulatedList(roles, exchange.ResponseBody);
    }

    private static FindOptions Names(FilterValue condition, int limit) => new()
    {
        Filter = { [PermissionFields.Name] = condition },
        Fields = { PermissionFields.Id, PermissionFields.Name },
        Page = new Page(Limit: limit),
        Include = { UseDefaults = false },
    };
}
