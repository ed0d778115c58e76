using FlameHub.Auth;

namespace FlameHub.Generated.Tests.Contract;

/// <summary>Users on the auth service (Authup 1.0.0-beta.62 behind Hub 0.14.0), against the recorded exchanges.</summary>
public class AuthUserContractTests
{
    private static readonly Guid MasterId = Guid.Parse("b4f78ced-3858-45a4-b7ec-c3720bab71fe");
    private static readonly Guid RealmId = Guid.Parse("2dd2c919-9a9f-4e10-b31f-f25f135d4cf4");
    private static readonly Guid UserId = Guid.Parse("08eaaf2e-7354-40e7-9f9c-37c1cbd11ed6");

    [SetUp]
    public Task Reset() => WireMockFixture.Server.ResetAsync();

    [Test]
    public async Task Exchange_04_users_filter_name_with_page_limit()
    {
        var exchange = await Exchange.StubAsync(4);
        using var auth = ContractClients.Auth();

        var users = await auth.FindUsersAsync(new FindOptions
        {
            Filter = { [UserFields.Name] = "admin" },
            Page = new Page(Limit: 10),
            Include = { UseDefaults = false },
        });

        // Recorded with page[limit] only; Page always sends page[offset] too, here 0.
        await exchange.AssertSentAsync(ContractClients.OffsetZero);
        ModelAssert.PopulatedList(users, exchange.ResponseBody);
        Assert.That(users.Single().RealmId, Is.EqualTo(MasterId));
    }

    [Test]
    public async Task Exchange_08_unauthenticated_users_list_throws_401()
    {
        var exchange = await Exchange.StubAsync(8);
        using var auth = ContractClients.Auth(credential: null);

        var error = Assert.ThrowsAsync<HubApiException>(() => auth.FindUsersAsync(new FindOptions { Include = { UseDefaults = false } }));

        await exchange.AssertSentAsync();
        exchange.AssertError(error);
        Assert.That(error!.StatusCode, Is.EqualTo(401), "Authup's body has no statusCode: the answer's status");
    }

    [Test]
    public async Task Exchange_48_user_create_with_password()
    {
        var exchange = await Exchange.StubAsync(48);
        using var auth = ContractClients.Auth();

        var user = await auth.CreateUserAsync(new CreateUser
        {
            Name = "hub14user093059",
            Email = "hub14user093059@example.com",
            RealmId = RealmId,
            Password = "hub14-pass-123",
        });

        await exchange.AssertSentAsync();
        ModelAssert.Populated(user, exchange.Data);
        Assert.That(user.Id, Is.EqualTo(UserId));
    }

    [Test]
    public async Task Exchange_49_users_filter_include_realm()
    {
        var exchange = await Exchange.StubAsync(49);
        using var auth = ContractClients.Auth();

        var users = await auth.FindUsersAsync(new FindOptions { Filter = { [UserFields.RealmId] = RealmId }, Include = { "realm" } });

        await exchange.AssertSentAsync();
        ModelAssert.PopulatedList(users, exchange.ResponseBody);
        Assert.That(users.Single().Realm, Is.TypeOf<Realm>());
    }

    [Test]
    public async Task Exchange_50_users_fields_plus_email_adds_a_hidden_field()
    {
        var exchange = await Exchange.StubAsync(50);
        using var auth = ContractClients.Auth();

        var users = await auth.FindUsersAsync(new FindOptions
        {
            Filter = { [UserFields.Name] = "admin" },
            Fields = { "+" + UserFields.Email },
            Include = { UseDefaults = false },
        });

        await exchange.AssertSentAsync();
        ModelAssert.PopulatedList(users, exchange.ResponseBody);
        Assert.That(users.Single().Email, Is.EqualTo("admin@example.com"));
    }

    [Test]
    public async Task Exchange_97_user_delete()
    {
        var exchange = await Exchange.StubAsync(97);
        using var auth = ContractClients.Auth();

        // The delete answers the removed user; only the request is compared.
        await auth.DeleteUserAsync(UserId);

        await exchange.AssertSentAsync();
    }
}
