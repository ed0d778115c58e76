using System.Text.Json;
using FlameHub.Auth;

namespace FlameHub.Generated.Tests.Contract;

/// <summary>The status and realms of the auth service (Authup 1.0.0-beta.62 behind Hub 0.14.0), against the recorded exchanges.</summary>
public class AuthRealmContractTests
{
    private static readonly Guid MasterId = Guid.Parse("b4f78ced-3858-45a4-b7ec-c3720bab71fe");
    private static readonly Guid RealmId = Guid.Parse("2dd2c919-9a9f-4e10-b31f-f25f135d4cf4");

    [SetUp]
    public Task Reset() => WireMockFixture.Server.ResetAsync();

    [Test]
    public async Task Exchange_32_auth_status()
    {
        var exchange = await Exchange.StubAsync(32);
        // Recorded without a token: the status is public.
        using var auth = ContractClients.Auth(credential: null);

        var status = await auth.GetStatusAsync();

        await exchange.AssertSentAsync();
        ModelAssert.Populated(status, exchange.ResponseBody);
    }

    [Test]
    public async Task Exchange_03_realms_filter_master()
    {
        var exchange = await Exchange.StubAsync(3);
        using var auth = ContractClients.Auth();

        // Realms have no includable relation, so the default sends no include.
        var realms = await auth.FindRealmsAsync(new FindOptions { Filter = { [RealmFields.Name] = "master" } });

        await exchange.AssertSentAsync();
        ModelAssert.PopulatedList(realms, exchange.ResponseBody);
        Assert.That(realms.Single().Id, Is.EqualTo(MasterId));
        Assert.That(realms.Single().BuiltIn, Is.True);
    }

    [Test]
    public async Task Exchange_41_realm_create()
    {
        var exchange = await Exchange.StubAsync(41);
        using var auth = ContractClients.Auth();

        var realm = await auth.CreateRealmAsync(new CreateRealm { Name = "hub14-realm-093059", DisplayName = "hub14 realm" });

        await exchange.AssertSentAsync();
        ModelAssert.Populated(realm, exchange.Data);
        Assert.That(realm.Id, Is.EqualTo(RealmId));
    }

    [Test]
    public async Task Exchange_42_realm_create_duplicate_throws_the_conflict()
    {
        var exchange = await Exchange.StubAsync(42);
        using var auth = ContractClients.Auth();

        var error = Assert.ThrowsAsync<HubApiException>(() => auth.CreateRealmAsync(new CreateRealm { Name = "hub14-realm-093059" }));

        await exchange.AssertSentAsync();
        // Authup's error bodies carry no statusCode: the status is the answer's.
        exchange.AssertError(error);
        Assert.That(error!.Code, Is.EqualTo("entity_conflict"));
    }

    [Test]
    public async Task Exchange_43_realm_create_invalid_throws_with_the_issues()
    {
        var exchange = await Exchange.StubAsync(43);
        using var auth = ContractClients.Auth();

        var error = Assert.ThrowsAsync<HubApiException>(() => auth.CreateRealmAsync(new CreateRealm { Name = "x" }));

        await exchange.AssertSentAsync();
        exchange.AssertError(error);
        var issue = error!.Body!.Value.GetProperty("issues")[0];
        Assert.That(issue.GetProperty("path").Deserialize<string[]>(), Is.EqualTo(new[] { "name" }));
        Assert.That(issue.GetProperty("code").GetString(), Is.EqualTo("min_length"));
    }

    [Test]
    public async Task Exchange_44_realms_page_sort_fields()
    {
        var exchange = await Exchange.StubAsync(44);
        using var auth = ContractClients.Auth();

        var realms = await auth.FindRealmsAsync(new FindOptions
        {
            Page = new Page(Limit: 2, Offset: 0),
            Sort = { "-" + RealmFields.CreatedAt },
            Fields = { RealmFields.Id, RealmFields.Name },
        });

        await exchange.AssertSentAsync();
        ModelAssert.PopulatedList(realms, exchange.ResponseBody);
        Assert.That(realms.Select(r => r.Name), Is.EqualTo(new[] { "hub14-realm-093059", "master" }));
    }

    [Test]
    public async Task Exchange_45_realm_get()
    {
        var exchange = await Exchange.StubAsync(45);
        using var auth = ContractClients.Auth();

        var realm = await auth.GetRealmAsync(RealmId);

        await exchange.AssertSentAsync();
        ModelAssert.Populated(realm, exchange.Data);
    }

    [Test]
    public async Task Exchange_46_realm_update_sends_only_the_set_fields()
    {
        var exchange = await Exchange.StubAsync(46);
        using var auth = ContractClients.Auth();

        var realm = await auth.UpdateRealmAsync(RealmId, new UpdateRealm { DisplayName = "hub14 realm (updated)", Description = "updated by the hub14 recorder" });

        await exchange.AssertSentAsync();
        ModelAssert.Populated(realm, exchange.Data);
        Assert.That(realm.Description, Is.EqualTo("updated by the hub14 recorder"));
    }

    [Test]
    public async Task Exchange_47_realm_get_not_found_is_null()
    {
        var exchange = await Exchange.StubAsync(47);
        using var auth = ContractClients.Auth();

        var realm = await auth.GetRealmAsync(Guid.Parse("d7c3d8c8-7378-49ef-a309-3538071cc9e5"));

        await exchange.AssertSentAsync();
        Assert.That(realm, Is.Null);
    }

    [Test]
    public async Task Exchange_98_realm_delete()
    {
        var exchange = await Exchange.StubAsync(98);
        using var auth = ContractClients.Auth();

        // The delete answers the removed realm; only the request is compared.
        await auth.DeleteRealmAsync(RealmId);

        await exchange.AssertSentAsync();
    }
}
