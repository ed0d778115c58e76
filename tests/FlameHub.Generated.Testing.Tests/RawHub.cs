using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlameHub.Testing;

namespace FlameHub.Generated.Testing.Tests;

/// <summary>Plain HTTP to a FakeHub, for what the clients do not let a caller send (a missing field, a foreign token).</summary>
internal sealed class RawHub(FakeHub hub) : IDisposable
{
    private readonly HttpClient _http = new(hub.Handler, disposeHandler: false);

    public async Task<JsonObject> TokenAsync(object grant)
    {
        using var response = await _http.PostAsJsonAsync(new Uri(hub.AuthUrl, "token"), grant);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public async Task<string> AdminTokenAsync() =>
        (await TokenAsync(new { grant_type = "password", username = "admin", password = "start123" }))["access_token"]!.GetValue<string>();

    public async Task<(int Status, JsonNode? Body)> SendAsync(HttpMethod method, Uri url, string? token, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public void Dispose() => _http.Dispose();
}
