using System.Text.Json;
using System.Text.Json.Nodes;
using FlameHub.Generated.Tests.WireMock;

namespace FlameHub.Generated.Tests.Transport;

/// <summary>
/// Stubs and journal queries for the transport tests, with Hub 0.8.13's recorded bodies as
/// literals. Every stub goes through WireMock's admin API; the tests reset the server first.
/// </summary>
internal static class Hub
{
    public const string NodeId = "fd098170-c4dc-4eb2-a4d8-884f5b7f8b86";
    public const string RobotId = "8bbe85b6-10e0-4d4d-a9c9-96bad08aeb42";
    public const string Password = "start123";

    /// <summary>A node as Hub 0.8.13 returned it.</summary>
    public const string NodeJson = """{"id":"fd098170-c4dc-4eb2-a4d8-884f5b7f8b86","external_name":"node-a95747","public_key":null,"name":"node-a95747","hidden":true,"type":"default","online":false,"registry_id":null,"registry_project_id":null,"robot_id":"94870cf6-7bfc-40bc-9fbd-e944f1621cb0","realm_id":"170b4592-4913-44db-9edf-6cb7fb9595d5","created_at":"2026-11-22T02:33:37.000Z","updated_at":"2026-11-22T02:33:38.000Z"}""";

    /// <summary>Exchange 04: a wrong password.</summary>
    public const string InvalidCredentialsJson = """{"statusCode":400,"code":"invalid_credentials","message":"The user credentials are invalid.","error":"invalid_request","error_description":"The user credentials are invalid."}""";

    public const string EmptyListJson = """{"data":[],"meta":{"total":0,"limit":50,"offset":0}}""";

    public static WireMockServer Server => WireMockFixture.Server;
    public static Uri AuthUrl => new(Server.BaseUrl, "auth/");
    public static Uri CoreUrl => new(Server.BaseUrl, "core/");
    public static Uri StorageUrl => new(Server.BaseUrl, "storage/");
    public static Guid Node => Guid.Parse(NodeId);

    /// <summary>Options that keep failing tests short: few, quick retries; on <paramref name="clock"/> when given.</summary>
    public static HubClientOptions QuickOptions(IHubCredential? credential = null, int maxRetries = 1, TimeProvider? clock = null) => new()
    {
        Credential = credential,
        TimeProvider = clock ?? TimeProvider.System,
        Timeout = TimeSpan.FromSeconds(10),
        AttemptTimeout = TimeSpan.FromSeconds(5),
        Retry = new HubRetryOptions { MaxRetries = maxRetries, BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromSeconds(2) },
    };

    /// <summary>A token answer in the shape Authup sends; robots get no refresh token.</summary>
    public static string TokenJson(string accessToken, string? refreshToken, int expiresIn = 3600) =>
        new JsonObject
        {
            ["access_token"] = accessToken,
            ["expires_in"] = expiresIn,
            ["token_type"] = "Bearer",
            ["scope"] = "global",
            ["refresh_token"] = refreshToken,
        }.ToJsonString().Replace(",\"refresh_token\":null", "");

    /// <summary>A JWT-shaped token value that occurs nowhere else (so "no log contains it" can be checked).</summary>
    public static string Jwt(string label) => "eyJhbGciOiJSUzI1NiJ9." + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("{\"sub\":\"" + label + "\"}")).TrimEnd('=') + "." + Guid.NewGuid().ToString("N");

    public static Task StubAsync(string mapping) => Server.StubAsync(JsonNode.Parse(mapping)!.AsObject());

    public static Task StubAsync(JsonObject mapping) => Server.StubAsync(mapping);

    /// <summary>One mapping; <paramref name="request"/> and <paramref name="response"/> are WireMock's JSON objects.</summary>
    public static Task StubAsync(JsonObject request, JsonObject response, string? scenario = null, string? state = null, string? nextState = null, int priority = 1)
    {
        var mapping = new JsonObject { ["priority"] = priority, ["request"] = request, ["response"] = response };
        if (scenario is not null)
        {
            mapping["scenarioName"] = scenario;
            mapping["requiredScenarioState"] = state ?? "Started";
            if (nextState is not null) mapping["newScenarioState"] = nextState;
        }
        return Server.StubAsync(mapping);
    }

    /// <summary>A request pattern: method, path (any query unless <paramref name="exactUrl"/>), and optionally one bearer token.</summary>
    public static JsonObject Request(string method, string path, string? bearer = null, bool exactUrl = false)
    {
        var request = new JsonObject { ["method"] = method, [exactUrl ? "url" : "urlPath"] = path };
        if (bearer is not null) request["headers"] = new JsonObject { ["Authorization"] = new JsonObject { ["equalTo"] = "Bearer " + bearer } };
        return request;
    }

    public static JsonObject Json(string json) => JsonNode.Parse(json)!.AsObject();

    /// <summary>A JSON response.</summary>
    public static JsonObject Respond(int status, string? body = null, params (string Name, string Value)[] headers)
    {
        var headerObject = new JsonObject { ["Content-Type"] = "application/json; charset=utf-8" };
        foreach (var (name, value) in headers) headerObject[name] = value;
        var response = new JsonObject { ["status"] = status, ["headers"] = headerObject };
        if (body is not null) response["body"] = body;
        return response;
    }

    /// <summary>Answers <c>POST /auth/token</c> with a token; only for the grant given, when given.</summary>
    public static Task StubTokenAsync(string accessToken, string? refreshToken, string? grantType = null, string? refreshTokenSent = null,
        int expiresIn = 3600, int delayMilliseconds = 0, string? scenario = null, string? state = null, string? nextState = null)
    {
        var response = Respond(200, TokenJson(accessToken, refreshToken, expiresIn));
        if (delayMilliseconds > 0) response["fixedDelayMilliseconds"] = delayMilliseconds;
        return StubAsync(TokenRequest(grantType, refreshTokenSent), response, scenario, state, nextState);
    }

    /// <summary>The token request, narrowed to one grant (and one refresh token) when given.</summary>
    public static JsonObject TokenRequest(string? grantType = null, string? refreshTokenSent = null)
    {
        var request = new JsonObject { ["method"] = "POST", ["url"] = "/auth/token" };
        var patterns = new JsonArray();
        if (grantType is not null) patterns.Add(new JsonObject { ["matchesJsonPath"] = $"$[?(@.grant_type == '{grantType}')]" });
        if (refreshTokenSent is not null) patterns.Add(new JsonObject { ["matchesJsonPath"] = $"$[?(@.refresh_token == '{refreshTokenSent}')]" });
        if (patterns.Count > 0) request["bodyPatterns"] = patterns;
        return request;
    }

    /// <summary>Answers <c>GET /core/nodes/{id}</c> (any query) with the recorded node, for any or one bearer token.</summary>
    public static Task StubNodeAsync(string? bearer = null, int status = 200, string? body = NodeJson, string? scenario = null, string? state = null, string? nextState = null)
    {
        return StubAsync(Request("GET", "/core/nodes/" + NodeId, bearer), Respond(status, body), scenario, state, nextState);
    }

    public static Task<IReadOnlyList<JsonObject>> RequestsAsync() => Server.RequestsAsync();

    /// <summary>The journal's requests whose path (query cut off) starts with <paramref name="pathPrefix"/>, oldest first.</summary>
    public static async Task<IReadOnlyList<JsonObject>> RequestsAsync(string pathPrefix, string? method = null) =>
        (await Server.RequestsAsync())
            .Where(r => PathOf(r).StartsWith(pathPrefix, StringComparison.Ordinal) && (method is null || r["method"]!.GetValue<string>() == method))
            .ToList();

    public static Task<IReadOnlyList<JsonObject>> TokenRequestsAsync() => RequestsAsync("/auth/token", "POST");

    public static Task<IReadOnlyList<JsonObject>> CoreRequestsAsync() => RequestsAsync("/core/");

    public static string PathOf(JsonObject request) => request["url"]!.GetValue<string>().Split('?')[0];

    /// <summary>A request header as the journal recorded it (names compared without case); null when absent.</summary>
    public static string? Header(JsonObject request, string name)
    {
        if (request["headers"] is not JsonObject headers) return null;
        foreach (var (key, value) in headers)
        {
            if (!string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) continue;
            return value switch
            {
                JsonArray values => string.Join(",", values.Select(v => v!.GetValue<string>())),
                null => null,
                _ => value.GetValue<string>(),
            };
        }
        return null;
    }

    public static string Body(JsonObject request) => request["body"]?.GetValue<string>() ?? "";

    /// <summary>When WireMock received the request, in ms since the epoch.</summary>
    public static long LoggedAt(JsonObject request) => request["loggedDate"]!.GetValue<long>();

    /// <summary>Whether two JSON texts hold the same value (member order ignored).</summary>
    public static bool SameJson(string actual, string expected) =>
        JsonNode.DeepEquals(JsonNode.Parse(actual), JsonNode.Parse(expected));

    /// <summary>Fails the test if <paramref name="task"/> does not end within <paramref name="seconds"/>; a hang must not stall the run.</summary>
    public static async Task<T> Bounded<T>(Task<T> task, double seconds = 20)
    {
        if (await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(seconds))) != task) Assert.Fail($"The call did not end within {seconds} s.");
        return await task;
    }

    /// <summary>As <see cref="Bounded{T}"/>, for a task without result.</summary>
    public static async Task Bounded(Task task, double seconds = 20)
    {
        if (await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(seconds))) != task) Assert.Fail($"The call did not end within {seconds} s.");
        await task;
    }

    /// <summary>Polls <paramref name="condition"/> until it holds (for what a server records, such as WireMock's journal), at most <paramref name="seconds"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, double seconds = 10)
    {
        var giveUp = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > giveUp) Assert.Fail($"The condition did not hold within {seconds} s.");
            await Task.Delay(10);
        }
    }

    /// <summary>Awaits <paramref name="call"/> bounded by <paramref name="seconds"/> and returns what it threw (null if nothing).</summary>
    public static async Task<Exception?> CatchBounded(Func<Task> call, double seconds = 20)
    {
        var task = Task.Run(call);
        if (await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(seconds))) != task) Assert.Fail($"The call did not end within {seconds} s.");
        try
        {
            await task;
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }

    public static string Pretty(JsonObject request) => request.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}

/// <summary>A clock the test moves by hand, for token expiry.</summary>
internal sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 11, 22, 2, 33, 37, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
