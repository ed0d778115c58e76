using System.Text.Json;
using FlameHub.Auth;

namespace FlameHub.Generated.Tests.Contract;

/// <summary>Realms on the auth service (Authup 1.0.0-beta.26 behind Hub 0.8.13), against the recorded exchanges.</summary>
public class AuthRealmContractTests
{
    private static readonly Guid RealmId = Guid.Parse("170b4592-4913-44db-9edf-6cb7fb9595d5");

    [SetUp]
    public Task Reset() => WireMockFixture.Server.ResetAsync();

    [Test]
    public async Task Exchange_01_auth_status()
    {
        var exchange = await Exchange.StubAsync(1);
        // Recorded without a token: the status is public.
        using var auth = ContractClients.Auth(credential: null);

        var status = await auth.GetStatusAsync();

        await exchange.AssertSentAsync();
        ModelAssert.Populated(status, exchange.ResponseBody);
    }

    [Test]
    public async Task Exchange_07_realms_filter_master()
    {
        var exchange = await Exchange.StubAsync(7);
        using var auth = ContractClients.Auth();

        // Realms have no includable relation, so the default sends no include.
        var realms = await auth.FindRealmsAsync(new FindOptions { Filter = { [RealmFields.Name] = "master" } });

        await exchange.AssertSentAsync();
        ModelAssert.PopulatedList(realms, exchange.ResponseBody);
        Assert.That(realms.Single().BuiltIn, Is.True);
    }

    [Test]
    public async Task Exchange_08_realm_create()
    {
        var exchange = await Exchange.StubAsync(8);
        using var auth = ContractClients.Auth();

        var realm = await auth.CreateRealmAsync(new CreateRealm { Name = "realm-a95747", DisplayName = "Example realm" });

        await exchange.AssertSentAsync();
        ModelAssert.Populated(realm, exchange.ResponseBody);
        Assert.That(realm.Id, Is.EqualTo(RealmId));
    }

    [Test]
    public async Task Exchange_09_realm_create_duplicate_throws_the_conflict()
    {
        var exchange = await Exchange.StubAsync(9);
        using var auth = ContractClients.Auth();

        var error = Assert.ThrowsAsync<HubApiException>(() => auth.CreateRealmAsync(new CreateRealm { Name = "realm-a95747" }));

        await exchange.AssertSentAsync();
        exchange.AssertError(error);
    }

    [Test]
    public async Task Exchange_10_realm_create_invalid_throws_with_children_and_attributes()
    {
        var exchange = await Exchange.StubAsync(10);
        using var auth = ContractClients.Auth();

        // An empty name passes the client's check (set, not null) and is the Hub's to refuse.
        var error = Assert.ThrowsAsync<HubApiException>(() => auth.CreateRealmAsync(new CreateRealm { Name = "" }));

        await exchange.AssertSentAsync();
        exchange.AssertError(error);
        Assert.That(error!.Body!.Value.GetProperty("attributes").Deserialize<string[]>(), Is.EqualTo(new[] { "name", "name" }));
        Assert.That(error.Body.Value.GetProperty("children")[0].GetProperty("path").GetString(), Is.EqualTo("name"));
    }

    [Test]
    public async Task Exchange_11_realms_page_sort_fields()
    {
        var exchange = await Exchange.StubAsync(11);
        using var auth = ContractClients.Auth();

        var realms = await auth.FindRealmsAsync(new FindOptions
        {
            Page = new Page(Limit: 2, Offset: 0),
            Sort = { "-" + RealmFields.CreatedAt },
            Fields = { RealmFields.Id, RealmFields.Name },
        });

        await exchange.AssertSentAsync();
        ModelAssert.PopulatedList(realms, exchange.ResponseBody);
        Assert.That(realms.Select(r => r.Name), Is.EqualTo(new[] { "realm-a95747", "master" }));
    }

    [Test]
    public async Task Exchange_12_realm_get()
    {
        var exchange = await Exchange.StubAsync(12);
        using var auth = ContractClients.Auth();

        var realm = await auth.GetRealmAsync(RealmId);

        await exchange.AssertSentAsync();
        ModelAssert.Populated(realm, exchange.ResponseBody);
    }

    [Test]
    public async Task Exchange_13_realm_update_sends_only_the_set_field()
    {
        var exchange = await Exchange.StubAsync(13);
        using var auth = ContractClients.Auth();

        var realm = await auth.UpdateRealmAsync(RealmId, new UpdateRealm { DisplayName = "Renamed" });

        await exchange.AssertSentAsync();
        ModelAssert.Populated(realm, exchange.ResponseBody);
        Assert.That(realm.DisplayName, Is.EqualTo("Renamed"));
    }

    [Test]
    public async Task Exchange_21_realm_get_not_found_is_null()
    {
        var exchange = await Exchange.StubAsync(21);
        using var auth = ContractClients.Auth();

        var realm = await auth.GetRealmAsync(Guid.Empty);

        await exchange.AssertSentAsync();
        Assert.That(realm, Is.Null);
    }
}
