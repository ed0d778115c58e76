using System.Text.Json;
using System.Text.Json.Nodes;
using FlameHub.Generated.Tests;
using FlameHub.Auth;
using FlameHub.Core;
using FlameHub.Testing;

namespace FlameHub.Generated.Testing.Tests;

/// <summary>
/// A refused create names each failed rule as the release's Hub does: 0.8.13's <c>children</c> and
/// <c>attributes</c> (express-validator through validup 0.1.8: one entry per failed rule), 0.14.0's
/// <c>issues</c> (zod 4 through validup 2: code, message, data, <c>meta.optional</c>). The expected
/// bodies are the recorded exchanges where there is one, else what the sources named in fake.json give.
/// </summary>
public sealed class ValidationTests
{
    private static HubClientOptions Options(FakeHub hub) => new() { Credential = hub.Admin };

    [Test, CancelAfter(20_000)]
    public async Task A_short_name_and_a_non_uuid_realm_are_one_issue_each()
    {
        using var hub = new FakeHub();
        using var core = new CoreClient(hub.CoreUrl, Options(hub), hub.Handler);
        var node = new CreateNode { Name = "x" };
        node.AdditionalProperties[NodeFields.RealmId] = JsonSerializer.SerializeToElement("not-a-uuid");

        var refused = Assert.ThrowsAsync<HubApiException>(() => core.CreateNodeAsync(node));

        Assert.That(refused!.StatusCode, Is.EqualTo(400));
        AssertBody(refused, new()
        {
            ["0.8.13"] = """
                {"statusCode":400,"code":"undefined","message":"The attributes name, realm_id are invalid.",
                 "children":[{"path":"name","pathAbsolute":"name","received":"x"},{"path":"realm_id","pathAbsolute":"realm_id","received":"not-a-uuid"}],
                 "attributes":["name","realm_id"]}
                """,
            // Exchange 14, as recorded.
            ["0.14.0"] = """
                {"statusCode":400,"code":"bad_request","message":"Properties name, realmId are invalid.","issues":[
                  {"type":"item","path":["name"],"message":"Too small: expected string to have >=3 characters","code":"min_length","data":{"min":3}},
                  {"type":"item","path":["realmId"],"message":"Invalid UUID","code":"uuid","meta":{"optional":true}}]}
                """,
        });
    }

    [Test, CancelAfter(20_000)]
    public async Task A_realm_name_shorter_than_the_minimum_is_one_min_length_issue()
    {
        using var hub = new FakeHub();
        using var auth = new AuthClient(hub.AuthUrl, Options(hub), hub.Handler);

        var refused = Assert.ThrowsAsync<HubApiException>(() => auth.CreateRealmAsync(new CreateRealm { Name = "x" }));

        Assert.That(refused!.StatusCode, Is.EqualTo(400));
        AssertBody(refused, new()
        {
            // Exchange 10's shape, for one failed rule: Authup's message is empty.
            ["0.8.13"] = """{"statusCode":400,"code":"BAD_REQUEST","message":"","children":[{"path":"name","pathAbsolute":"name","received":"x"}],"attributes":["name"]}""",
            // Exchange 43, as recorded.
            ["0.14.0"] = """
                {"name":"AuthupError","message":"Property name is invalid","code":"bad_request","issues":[
                  {"type":"item","path":["name"],"message":"Too small: expected string to have >=3 characters","code":"min_length","data":{"min":3}}],
                 "@instanceof":["@ebec/core/BaseError","@authup/errors/AuthupError"]}
                """,
        });
    }

    [Test, CancelAfter(20_000)]
    public async Task An_empty_name_fails_required_and_the_minimum_on_0_8_13_and_only_the_minimum_on_0_14()
    {
        using var hub = new FakeHub();
        using var auth = new AuthClient(hub.AuthUrl, Options(hub), hub.Handler);

        var refused = Assert.ThrowsAsync<HubApiException>(() => auth.CreateRealmAsync(new CreateRealm { Name = "" }));

        AssertBody(refused!, new()
        {
            // Exchange 10, as recorded: name twice (notEmpty and isLength).
            ["0.8.13"] = """
                {"statusCode":400,"code":"BAD_REQUEST","message":"",
                 "children":[{"path":"name","pathAbsolute":"name","received":""},{"path":"name","pathAbsolute":"name","received":""}],
                 "attributes":["name","name"]}
                """,
            // zod: "" is a string, refused by min(3) alone.
            ["0.14.0"] = """
                {"name":"AuthupError","message":"Property name is invalid","code":"bad_request","issues":[
                  {"type":"item","path":["name"],"message":"Too small: expected string to have >=3 characters","code":"min_length","data":{"min":3}}],
                 "@instanceof":["@ebec/core/BaseError","@authup/errors/AuthupError"]}
                """,
        });
    }

    [Test, CancelAfter(20_000)]
    public async Task A_value_outside_the_documents_enum_is_refused_naming_the_allowed_values()
    {
        using var hub = new FakeHub();
        using var core = new CoreClient(hub.CoreUrl, Options(hub), hub.Handler);
        var node = new CreateNode { Name = "site-a" };
        node.AdditionalProperties[NodeFields.Type] = JsonSerializer.SerializeToElement("nope");

        var refused = Assert.ThrowsAsync<HubApiException>(() => core.CreateNodeAsync(node));

        AssertBody(refused!, new()
        {
            // validup 0.1.8: one attribute is "The attribute X is invalid."
            ["0.8.13"] = """{"statusCode":400,"code":"undefined","message":"The attribute type is invalid.","children":[{"path":"type","pathAbsolute":"type","received":"nope"}],"attributes":["type"]}""",
            // zod's invalid_value with NodeType's values, as @validup/zod codes it; type is mounted optional.
            ["0.14.0"] = """
                {"statusCode":400,"code":"bad_request","message":"Property type is invalid","issues":[
                  {"type":"item","path":["type"],"message":"Invalid option: expected one of \"aggregator\"|\"default\"","code":"one_of_failed","meta":{"optional":true}}]}
                """,
        });
        Assert.That(await core.FindNodesAsync(new FindOptions()), Is.Empty, "nothing was created");
    }

    [Test, CancelAfter(20_000)]
    public async Task A_missing_required_name_is_a_required_issue()
    {
        // The client refuses to send a create without its required name, so this one goes as plain HTTP.
        using var hub = new FakeHub();
        using var wire = new HubWire(hub);
        var token = await wire.AdminTokenAsync();

        var (status, body) = await wire.SendAsync(HttpMethod.Post, new Uri(hub.AuthUrl, "realms"), token, new { });

        Assert.That(status, Is.EqualTo(400));
        AssertBody(body, new()
        {
            // express-validator measures a missing value as "": it fails required and the minimum; no received (undefined).
            ["0.8.13"] = """
                {"statusCode":400,"code":"BAD_REQUEST","message":"",
                 "children":[{"path":"name","pathAbsolute":"name"},{"path":"name","pathAbsolute":"name"}],"attributes":["name","name"]}
                """,
            // zod's invalid_type on an undefined value, which @validup/zod codes as required.
            ["0.14.0"] = """
                {"name":"AuthupError","message":"Property name is invalid","code":"bad_request","issues":[
                  {"type":"item","path":["name"],"message":"Invalid input: expected string, received undefined","code":"required","expected":"string"}],
                 "@instanceof":["@ebec/core/BaseError","@authup/errors/AuthupError"]}
                """,
        });
    }

    [Test, CancelAfter(20_000)]
    public async Task An_update_with_a_short_name_is_refused_as_an_optional_field()
    {
        using var hub = new FakeHub();
        using var core = new CoreClient(hub.CoreUrl, Options(hub), hub.Handler);
        var node = await core.CreateNodeAsync(new CreateNode { Name = "site-a" });

        var refused = Assert.ThrowsAsync<HubApiException>(() => core.UpdateNodeAsync(node.Id, new UpdateNode { Name = "x" }));

        AssertBody(refused!, new()
        {
            ["0.8.13"] = """{"statusCode":400,"code":"undefined","message":"The attribute name is invalid.","children":[{"path":"name","pathAbsolute":"name","received":"x"}],"attributes":["name"]}""",
            // An update's name is mounted optional: its issue carries meta.optional.
            ["0.14.0"] = """
                {"statusCode":400,"code":"bad_request","message":"Property name is invalid","issues":[
                  {"type":"item","path":["name"],"message":"Too small: expected string to have >=3 characters","code":"min_length","data":{"min":3},"meta":{"optional":true}}]}
                """,
        });
        Assert.That((await core.GetNodeAsync(node.Id))!.Name, Is.EqualTo("site-a"), "the refused update changed nothing");
    }

    private static void AssertBody(HubApiException refused, Dictionary<string, string> byRelease) =>
        AssertBody(refused.Body is { } body ? JsonNode.Parse(body.GetRawText()) : null, byRelease);

    private static void AssertBody(JsonNode? body, Dictionary<string, string> byRelease)
    {
        Assert.That(byRelease, Does.ContainKey(RepositoryPaths.HubRelease), "an expected body for this run's release");
        var expected = JsonNode.Parse(byRelease[RepositoryPaths.HubRelease]);
        Assert.That(JsonNode.DeepEquals(body, expected), Is.True, $"hub-{RepositoryPaths.HubRelease}: {body?.ToJsonString()}");
    }
}
