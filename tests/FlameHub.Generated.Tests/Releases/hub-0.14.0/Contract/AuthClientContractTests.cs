using FlameHub.Auth;

namespace FlameHub.Generated.Tests.Contract;

/// <summary>
/// OAuth2 clients on the auth service (Authup 1.0.0-beta.62, where a client with a secret is the
/// machine identity robots were), against the recorded exchanges.
/// </summary>
public class AuthClientContractTests
{
    private static readonly Guid MasterId = Guid.Parse("b4f78ced-3858-45a4-b7ec-c3720bab71fe");
    private static readonly Guid ClientId = Guid.Parse("4508f4ea-5296-4857-96db-e7efdd2ba938");
    private static readonly Guid SecretClientId = Guid.Parse("4d668181-8850-42c6-8509-50387b25b11c");

    [SetUp]
    public Task Reset() => WireMockFixture.Server.ResetAsync();

    [Test]
    public async Task Exchange_05_client_create_returns_the_realm_typed()
    {
        var exchange = await Exchange.StubAsync(5);
        using var auth = ContractClients.Auth();

        var client = await auth.CreateClientAsync(new CreateClient { Name = "hub14-client-093059", RealmId = MasterId, DisplayName = "hub14 test client" });

        await exchange.AssertSentAsync();
        ModelAssert.Populated(client, exchange.Data);
        Assert.That(client.Id, Is.EqualTo(ClientId));
        Assert.That(client.Realm, Is.TypeOf<Realm>());
    }

    [Test]
    public async Task Exchange_06_client_get()
    {
        var exchange = await Exchange.StubAsync(6);
        using var auth = ContractClients.Auth();

        var client = await auth.GetClientAsync(ClientId, new FindOptions { Include = { UseDefaults = false } });

        await exchange.AssertSentAsync();
        ModelAssert.Populated(client, exchange.Data);
    }

    [Test]
    public async Task Exchange_07_client_delete()
    {
        var exchange = await Exchange.StubAsync(7);
        using var auth = ContractClients.Auth();

        // The delete answers the removed client; only the request is compared.
        await auth.DeleteClientAsync(ClientId);

        await exchange.AssertSentAsync();
    }

    [Test]
    public async Task Exchange_39_client_create_with_a_secret_keeps_it()
    {
        var exchange = await Exchange.StubAsync(39);
        using var auth = ContractClients.Auth();

        // authMethod "secret": with the default ("none") Authup drops the secret and refuses client_credentials.
        var client = await auth.CreateClientAsync(new CreateClient
        {
            Name = "hub14-cc-093059",
            RealmId = MasterId,
            AuthMethod = "secret",
            Secret = "hub14-cc-secret-093059",
        });

        await exchange.AssertSentAsync();
        ModelAssert.Populated(client, exchange.Data);
        Assert.That(client.Secret, Is.EqualTo("hub14-cc-secret-093059"));
    }

    [Test]
    public async Task Exchange_56_clients_page_limit_sorted_by_name()
    {
        var exchange = await Exchange.StubAsync(56);
        using var auth = ContractClients.Auth();

        var clients = await auth.FindClientsAsync(new FindOptions
        {
            Page = new Page(Limit: 10),
            Sort = { ClientFields.Name },
            Include = { UseDefaults = false },
        });

        // Recorded with page[limit] only; Page always sends page[offset] too, here 0.
        await exchange.AssertSentAsync(ContractClients.OffsetZero);
        ModelAssert.PopulatedList(clients, exchange.ResponseBody);
    }

    [Test]
    public async Task Exchange_99_client_with_secret_delete()
    {
        var exchange = await Exchange.StubAsync(99);
        using var auth = ContractClients.Auth();

        // The delete answers the removed client; only the request is compared.
        await auth.DeleteClientAsync(SecretClientId);

        await exchange.AssertSentAsync();
    }
}
