using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using FlameHub.Testing;

namespace FlameHub.Generated.Testing.Tests;

/// <summary>
/// Plain HTTP to a FakeHub with any <c>Authorization</c> header and any grant, for the auth tests
/// that send what the clients never would; and the Hub release this run's package is for.
/// </summary>
internal sealed class HubWire(FakeHub hub) : IDisposable
{
    private readonly HttpClient _http = new(hub.Handler, disposeHandler: false);

    /// <summary>The Hub release of the package under test (the build's HubRelease).</summary>
    public static string Release { get; } =
        typeof(HubWire).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "FlameHub.HubRelease").Value!;

    public static bool Is014 => Release == "0.14.0";

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

    public async Task<string> AdminTokenAsync()
    {
        var (status, body) = await GrantAsync(new { grant_type = "password", username = "admin", password = "start123" });
        Assert.That(status, Is.EqualTo(200));
        return body!["access_token"]!.GetValue<string>();
    }

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
