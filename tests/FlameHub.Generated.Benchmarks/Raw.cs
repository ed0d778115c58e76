using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FlameHub.Core;
using Newtonsoft.Json;

namespace FlameHub.Generated.Benchmarks;

/// <summary>
/// The floor: what a careful hand-written caller does with <see cref="HttpClient"/> and Newtonsoft.Json,
/// and nothing more. One pooled <see cref="SocketsHttpHandler"/>, the token fetched once, the answer
/// buffered by <see cref="HttpClient.SendAsync(HttpRequestMessage, CancellationToken)"/> and deserialized
/// from the buffered stream (no string, no blocking read on the network), the same serializer settings.
/// </summary>
public sealed class Raw : IDisposable
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        DateParseHandling = DateParseHandling.DateTimeOffset,
        MaxDepth = 64,
    });

    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");

    private readonly HttpClient _http;
    private AuthenticationHeaderValue? _authorization;

    public Raw(Uri coreBaseUrl, HttpMessageHandler? handler = null)
    {
        _http = new HttpClient(handler ?? new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        }, disposeHandler: handler is null)
        {
            BaseAddress = coreBaseUrl,
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
    }

    public HttpClient Http => _http;

    /// <summary>POST {auth}/token once with the password grant; the token is then reused.</summary>
    public async Task SignInAsync(Uri authBaseUrl)
    {
        using var content = new StringContent("""{"grant_type":"password","username":"admin","password":"start123"}""", Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri(authBaseUrl, "token"), content);
        response.EnsureSuccessStatusCode();
        var token = JsonConvert.DeserializeObject<TokenAnswer>(await response.Content.ReadAsStringAsync())!;
        _authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
    }

    public Task<Node> GetNodeAsync(Guid id) =>
        GetAsync<Node>("nodes/" + id.ToString("D") + "?include=registry,registry_project");

    public Task<RawList<Node>> FindNodesAsync() => GetAsync<RawList<Node>>("nodes?include=registry");

    /// <summary>Every node, page by page, as the client's ListAll asks for them.</summary>
    public async IAsyncEnumerable<Node> ListAllNodesAsync()
    {
        var offset = 0;
        while (true)
        {
            var page = await GetAsync<RawList<Node>>("nodes?page[limit]=50&page[offset]=" + offset.ToString(System.Globalization.CultureInfo.InvariantCulture) + "&include=registry");
            foreach (var node in page.Data) yield return node;
            offset += page.Data.Count;
            if (page.Data.Count < 50 || offset >= page.Meta.Total) yield break;
        }
    }

    private async Task<T> GetAsync<T>(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(Json);
        request.Headers.Authorization = _authorization;
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        using var json = new JsonTextReader(reader);
        return Serializer.Deserialize<T>(json)!;
    }

    public void Dispose() => _http.Dispose();

    public sealed class RawList<T>
    {
        [JsonProperty("data")] public List<T> Data { get; set; } = [];
        [JsonProperty("meta")] public RawMeta Meta { get; set; } = new();
    }

    public sealed class RawMeta
    {
        [JsonProperty("total")] public int Total { get; set; }
        [JsonProperty("limit")] public int? Limit { get; set; }
        [JsonProperty("offset")] public int? Offset { get; set; }
    }

    private sealed class TokenAnswer
    {
        [JsonProperty("access_token")] public string AccessToken { get; set; } = "";
    }
}
