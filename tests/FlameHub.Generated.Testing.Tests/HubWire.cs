using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using FlameHub.Generated.Tests;
using FlameHub.Testing;

namespace FlameHub.Generated.Testing.Tests;

/// <summary>
/// Plain HTTP to a FakeHub with any <c>Authorization</c> header, grant or body, for what the clients
/// never send (a missing field, a foreign token); and the Hub release this run's package is for.
/// </summary>
internal sealed class HubWire(FakeHub hub) : IDisposable
{
    private readonly HttpClient _http = new(hub.Handler, disposeHandler: false);

    public static bool Is014 => RepositoryPaths.HubRelease == "0.14.0";

    public async Task<(int Status, JsonObject? Body)> GrantAsync(object grant)
    {
        using var response = await _http.PostAsJsonAsync(new Uri(hub.AuthUrl, "token"), grant);
        return ((int)response.StatusCode, await Body(response));
    }

    /// <summary>The system account's own grant, with <paramref name="secret"/> (its own when null).</summary>
    public Task<(int Status, JsonObject? Body)> SystemGrantAsync(string? secret = null) =>
        hub.SystemAccount.GrantType == "robot_credentials"
            ? GrantAsync(new { grant_type = "robot_credentials", id = hub.SystemAccount.Id, secret = secret ?? hub.SystemAccount.Secret })
            : GrantAsync(new { grant_type = "client_credentials", client_id = hub.SystemAccount.Id, client_secret = secret ?? hub.SystemAccount.Secret });

    /// <summary>The answer of a grant that must succeed.</summary>
    public async Task<JsonObject> TokenAsync(object grant)
    {
        var (status, body) = await GrantAsync(grant);
        Assert.That(status, Is.EqualTo(200), body?.ToJsonString());
        return body!;
    }

    public async Task<string> AdminTokenAsync() =>
        (await TokenAsync(new { grant_type = "password", username = "admin", password = "start123" }))["access_token"]!.GetValue<string>();

    public Task<(int Status, JsonObject? Body)> SendAsync(HttpMethod method, Uri url, string? bearer, object? body = null) =>
        SendAsync(method, url, bearer is null ? null : new AuthenticationHeaderValue("Bearer", bearer), body);

    public static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));

    public async Task<(int Status, JsonObject? Body)> SendAsync(HttpMethod method, Uri url, AuthenticationHeaderValue? authorization, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url) { Headers = { Authorization = authorization } };
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await _http.SendAsync(request);
        return ((int)response.StatusCode, await Body(response));
    }

    private static async Task<JsonObject?> Body(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? null : JsonNode.Parse(text) as JsonObject;
    }

    public void Dispose() => _http.Dispose();
}
