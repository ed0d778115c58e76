using FlameHub.Auth;
using FlameHub.Core;
using System.Text.Json;

namespace FlameHub.Generated.Tests.Transport;

/// <summary>Hub 0.8.13's error bodies, and bodies that are not the Hub's, as <see cref="HubApiException"/>.</summary>
public class ErrorMappingTests
{
    private const string RealmId = "170b4592-4913-44db-9edf-6cb7fb9595d5";

    [SetUp]
    public Task Reset() => Hub.Server.ResetAsync();

    private static CoreClient Core() => new(Hub.CoreUrl, Hub.QuickOptions(maxRetries: 0));

    private static AuthClient Auth() => new(Hub.AuthUrl, Hub.QuickOptions(maxRetries: 0));

    [Test]
    public async Task Exchange_26_invalid_node_maps_code_message_children_and_attributes()
    {
        await Hub.StubAsync(Hub.Request("POST", "/core/nodes", exactUrl: true), Hub.Respond(400,
            """{"statusCode":400,"code":"undefined","message":"The attributes name, type are invalid.","children":[{"path":"name","pathAbsolute":"name","received":"x"},{"path":"type","pathAbsolute":"type","received":"nope"}],"attributes":["name","type"]}"""));
        using var core = Core();

        var error = Assert.ThrowsAsync<HubApiException>(() => core.CreateNodeAsync(new CreateNode { Name = "x" }))!;

        Assert.That(error.Message, Is.EqualTo("received status code 400 (undefined): The attributes name, type are invalid."));
        Assert.That(error.StatusCode, Is.EqualTo(400));
        Assert.That(error.Code, Is.EqualTo("undefined"));
        Assert.That(error.HubMessage, Is.EqualTo("The attributes name, type are invalid."));
        Assert.That(error.Body!.Value.GetProperty("attributes").Deserialize<string[]>(), Is.EqualTo(new[] { "name", "type" }));
        var children = error.Body.Value.GetProperty("children");
        Assert.That(children.EnumerateArray().Select(c => c.GetProperty("path").GetString()), Is.EqualTo(new[] { "name", "type" }));
        Assert.That(children[1].GetProperty("received").GetString(), Is.EqualTo("nope"));
        Assert.That(error.Response, Does.Contain("\"pathAbsolute\":\"name\""), "the raw text is kept beside the parsed body");
        Assert.That(error.Method, Is.EqualTo("POST"));
        Assert.That(error.Path, Is.EqualTo("/core/nodes"));
        Assert.That(error.IsTransient, Is.False);
        Assert.That(error.Headers["Content-Type"].Single(), Does.StartWith("application/json"));
    }

    [Test]
    public async Task Exchange_10_invalid_realm_maps_the_validation_shape()
    {
        await Hub.StubAsync(Hub.Request("POST", "/auth/realms", exactUrl: true), Hub.Respond(400,
            """{"statusCode":400,"code":"undefined","message":"The attribute name is invalid.","children":[{"path":"name","pathAbsolute":"name","received":"-"}],"attributes":["name"]}"""));
        using var auth = Auth();

        var error = Assert.ThrowsAsync<HubApiException>(() => auth.CreateRealmAsync(new CreateRealm { Name = "-" }))!;

        Assert.That(error.Message, Is.EqualTo("received status code 400 (undefined): The attribute name is invalid."));
        Assert.That(error.Code, Is.EqualTo("undefined"));
        Assert.That(error.Body!.Value.GetProperty("attributes").Deserialize<string[]>(), Is.EqualTo(new[] { "name" }));
        Assert.That(error.Body.Value.GetProperty("children")[0].GetProperty("received").GetString(), Is.EqualTo("-"));
        Assert.That(error.Method, Is.EqualTo("POST"));
        Assert.That(error.Path, Is.EqualTo("/auth/realms"));
    }

    [Test]
    public async Task Exchange_04_bad_password_maps_code_and_the_OAuth_extras()
    {
        // As the auth client itself sees it on a stubbed operation (the token path is covered by RefreshTests).
        await Hub.StubAsync(Hub.Request("POST", "/auth/realms", exactUrl: true), Hub.Respond(400, Hub.InvalidCredentialsJson));
        using var auth = Auth();

        var error = Assert.ThrowsAsync<HubApiException>(() => auth.CreateRealmAsync(new CreateRealm { Name = "r" }))!;

        Assert.That(error.Message, Is.EqualTo("received status code 400 (invalid_credentials): The user credentials are invalid."));
        Assert.That(error.Code, Is.EqualTo("invalid_credentials"));
        Assert.That(error.Body!.Value.GetProperty("error").GetString(), Is.EqualTo("invalid_request"));
        Assert.That(error.Body.Value.GetProperty("error_description").GetString(), Is.EqualTo("The user credentials are invalid."));
    }

    [Test]
    public async Task Exchange_20_no_token_maps_401_with_an_empty_message()
    {
        await Hub.StubAsync(Hub.Request("GET", "/core/nodes"), Hub.Respond(401, """{"statusCode":401,"code":"UNAUTHORIZED","message":""}"""));
        using var core = Core();

        var error = Assert.ThrowsAsync<HubApiException>(() => core.FindNodesAsync())!;

        Assert.That(error.StatusCode, Is.EqualTo(401));
        Assert.That(error.Code, Is.EqualTo("UNAUTHORIZED"));
        Assert.That(error.HubMessage, Is.EqualTo(""));
        Assert.That(error.Message, Does.StartWith("received status code 401 (UNAUTHORIZED)"));
        Assert.That(error.Method, Is.EqualTo("GET"));
        Assert.That(error.Path, Is.EqualTo("/core/nodes"), "the path carries no query");
    }

    [Test]
    public async Task Exchange_21_not_found_on_delete_maps_404()
    {
        await Hub.StubAsync(Hub.Request("DELETE", "/auth/realms/" + RealmId), Hub.Respond(404, """{"statusCode":404,"code":"NOT_FOUND","message":""}"""));
        using var auth = Auth();

        var error = Assert.ThrowsAsync<HubApiException>(() => auth.DeleteRealmAsync(Guid.Parse(RealmId)))!;

        Assert.That(error.StatusCode, Is.EqualTo(404));
        Assert.That(error.Code, Is.EqualTo("NOT_FOUND"));
        Assert.That(error.Method, Is.EqualTo("DELETE"));
        Assert.That(error.Path, Is.EqualTo("/auth/realms/" + RealmId));
    }

    [Test]
    public async Task Exchange_21_not_found_on_get_is_null_by_design()
    {
        await Hub.StubAsync(Hub.Request("GET", "/auth/realms/" + RealmId), Hub.Respond(404, """{"statusCode":404,"code":"NOT_FOUND","message":""}"""));
        using var auth = Auth();

        Assert.That(await auth.GetRealmAsync(Guid.Parse(RealmId)), Is.Null);
    }

    [Test]
    public async Task Exchange_27_duplicate_node_maps_409()
    {
        await Hub.StubAsync(Hub.Request("POST", "/core/nodes", exactUrl: true), Hub.Respond(409,
            """{"statusCode":409,"code":"SQLITE_CONSTRAINT_UNIQUE","message":"An entry with some unique attributes already exist."}"""));
        using var core = Core();

        var error = Assert.ThrowsAsync<HubApiException>(() => core.CreateNodeAsync(new CreateNode { Name = "node-a95747" }))!;

        Assert.That(error.Message, Is.EqualTo("received status code 409 (SQLITE_CONSTRAINT_UNIQUE): An entry with some unique attributes already exist."));
        Assert.That(error.StatusCode, Is.EqualTo(409));
        Assert.That(error.IsTransient, Is.False);
    }

    [Test]
    public async Task An_HTML_502_page_on_POST_gives_a_clean_HubApiException_with_an_excerpt()
    {
        var response = Hub.Respond(502, "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>");
        response["headers"]!["Content-Type"] = "text/html";
        await Hub.StubAsync(Hub.Request("POST", "/core/nodes", exactUrl: true), response);
        using var core = Core();

        var error = Assert.ThrowsAsync<HubApiException>(() => core.CreateNodeAsync(new CreateNode { Name = "node-a95747" }))!;

        Assert.That(error.StatusCode, Is.EqualTo(502));
        Assert.That(error.IsTransient, Is.True);
        Assert.That(error.Message, Does.StartWith("received status code 502 (not JSON): "));
        Assert.That(error.Message, Does.Contain("502 Bad Gateway"));
        Assert.That(error.Code, Is.Null);
        Assert.That(error.Body, Is.Null);
        Assert.That(error.Response, Does.Contain("nginx"));
        Assert.That(await Hub.CoreRequestsAsync(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task An_empty_500_body_gives_HubApiException_saying_so()
    {
        await Hub.StubAsync(Hub.Request("GET", "/core/nodes/" + Hub.NodeId), new System.Text.Json.Nodes.JsonObject { ["status"] = 500 });
        using var core = Core();

        var error = Assert.ThrowsAsync<HubApiException>(() => core.GetNodeAsync(Hub.Node))!;

        Assert.That(error.StatusCode, Is.EqualTo(500));
        Assert.That(error.Message, Is.EqualTo("received status code 500 (empty body)"));
        Assert.That(error.Body, Is.Null);
    }

    [Test]
    public async Task A_truncated_JSON_200_gives_HubApiException_not_a_serializer_exception()
    {
        await Hub.StubNodeAsync(body: """{"id":"fd09""");
        using var core = Core();

        var error = Assert.ThrowsAsync<HubApiException>(() => core.GetNodeAsync(Hub.Node))!;

        Assert.That(error.StatusCode, Is.EqualTo(200));
        Assert.That(error.Message, Does.Contain("fd09"));
        Assert.That(error.Message, Does.Contain("Node"));
        Assert.That(error.InnerException, Is.InstanceOf<Newtonsoft.Json.JsonException>());
        Assert.That(error.Method, Is.EqualTo("GET"));
        Assert.That(error.Path, Is.EqualTo("/core/nodes/" + Hub.NodeId));
    }

    [Test]
    public async Task A_truncated_JSON_error_body_falls_back_to_an_excerpt()
    {
        await Hub.StubAsync(Hub.Request("POST", "/core/nodes", exactUrl: true), Hub.Respond(400, """{"statusCode":400,"code":"undef"""));
        using var core = Core();

        var error = Assert.ThrowsAsync<HubApiException>(() => core.CreateNodeAsync(new CreateNode { Name = "x" }))!;

        Assert.That(error.StatusCode, Is.EqualTo(400));
        Assert.That(error.Message, Does.StartWith("received status code 400 (not JSON): {\"statusCode\":400"));
        Assert.That(error.Body, Is.Null);
    }
}
