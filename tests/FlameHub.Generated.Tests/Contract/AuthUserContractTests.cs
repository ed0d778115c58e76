using FlameHub.Auth;

namespace FlameHub.Generated.Tests.Contract;

/// <summary>Users, robots, permissions and token introspection on the auth service, against the recorded exchanges.</summary>
public class AuthUserContractTests
{
    private static readonly Guid RealmId = Guid.Parse("170b4592-4913-44db-9edf-6cb7fb9595d5");
    private static readonly Guid UserId = Guid.Parse("7f14297b-535e-448e-899d-e50e8d0a38be");

    [SetUp]
    public Task Reset() => WireMockFixture.Server.ResetAsync();

    [Test]
    public async Task Exchange_05_token_introspect()
    {
        var exchange = await Exchange.StubAsync(5);
        using var auth = ContractClients.Auth();

        // The fixture's token-02 stands for the access token exchange 02 issued.
        var claims = await auth.IntrospectTokenAsync(new TokenIntrospectionRequest { Token = "token-02" });

        await exchange.AssertSentAsync();
        ModelAssert.Populated(claims, exchange.ResponseBody);
        Assert.That(claims["active"], Is.EqualTo(true));
    }

    [Test]
    public async Task Exchange_14_user_create_returns_the_realm_typed()
    {
        var exchange = await Exchange.StubAsync(14);
        using var auth = ContractClients.Auth();

        var user = await auth.CreateUserAsync(new CreateUser { Name = "user-a95747", Email = "user-a95747@example.org", RealmId = RealmId });

        await exchange.AssertSentAsync();
        ModelAssert.Populated(user, exchange.ResponseBody);
        Assert.That(user.Realm!.Name, Is.EqualTo("realm-a95747"));
    }

    [Test]
    public async Task Exchange_15_users_filter_include_realm()
    {
        var exchange = await Exchange.StubAsync(15);
        using var auth = ContractClients.Auth();

        var users = await auth.FindUsersAsync(new FindOptions { Filter = { [UserFields.RealmId] = RealmId }, Include = { "realm" } });

        await exchange.AssertSentAsync();
        ModelAssert.PopulatedList(users, exchange.ResponseBody);
        Assert.That(users.Single().Realm, Is.TypeOf<Realm>());
    }

    [Test]
    public async Task Exchange_16_permissions_filter_like_with_page_limit()
    {
        var exchange = await Exchange.StubAsync(16);
        using var auth = ContractClients.Auth();

        var permissions = await auth.FindPermissionsAsync(new FindOptions
        {
            Filter = { [PermissionFields.Name] = Filter.StartsWith("node") },
            Page = new Page(Limit: 5),
            Include = { UseDefaults = false },
        });

        // Recorded with page[limit] only; Page always sends page[offset] too, here 0.
        await exchange.AssertSentAsync(ContractClients.OffsetZero);
        ModelAssert.PopulatedList(permissions, exchange.ResponseBody);
    }

    [Test]
    public async Task Exchange_17_robots_include_realm_with_page_limit()
    {
        var exchange = await Exchange.StubAsync(17);
        using var auth = ContractClients.Auth();

        var robots = await auth.FindRobotsAsync(new FindOptions { Include = { "realm" }, Page = new Page(Limit: 5) });

        // Recorded with page[limit] only; Page always sends page[offset] too, here 0.
        await exchange.AssertSentAsync(ContractClients.OffsetZero);
        ModelAssert.PopulatedList(robots, exchange.ResponseBody);
        Assert.That(robots.Select(r => r.Realm!.Name), Is.EqualTo(new[] { "master", "master" }));
    }

    [Test]
    public async Task Exchange_18_robot_system_by_name()
    {
        var exchange = await Exchange.StubAsync(18);
        using var auth = ContractClients.Auth();

        var robots = await auth.FindRobotsAsync(new FindOptions { Filter = { [RobotFields.Name] = "system" }, Include = { UseDefaults = false } });

        await exchange.AssertSentAsync();
        ModelAssert.PopulatedList(robots, exchange.ResponseBody);
    }

    [Test]
    public async Task Exchange_20_unauthenticated_users_list_throws_401()
    {
        var exchange = await Exchange.StubAsync(20);
        using var auth = ContractClients.Auth(credential: null);

        var error = Assert.ThrowsAsync<HubApiException>(() => auth.FindUsersAsync(new FindOptions { Include = { UseDefaults = false } }));

        var sent = await exchange.AssertSentAsync();
        exchange.AssertError(error);
        Assert.That(Exchange.Header(sent, "Authorization"), Is.Null, "no credential, no Authorization header");
    }

    [Test]
    public async Task Exchange_59_user_delete()
    {
        var exchange = await Exchange.StubAsync(59);
        using var auth = ContractClients.Auth();

        // The delete answers the removed user; DeleteUserAsync is declared without a result, so only the request is compared.
        await auth.DeleteUserAsync(UserId);

        await exchange.AssertSentAsync();
    }
}
