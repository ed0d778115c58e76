using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FlameHub.Generated.Tests.Contract;

/// <summary>
/// One exchange recorded against a real Hub 0.8.13 (a copy under Fixtures/exchanges, JWTs
/// replaced by dummy tokens): stubbed into WireMock as the recorded answer, and the request
/// the client sent checked against the recorded request.
/// </summary>
/// <remarks>
/// The recording's port names the service (3010 auth, 3011 core, 3012 storage); on WireMock the
/// services live under <c>/auth</c>, <c>/core</c> and <c>/storage</c>.
/// </remarks>
internal sealed partial class Exchange
{
    private static readonly Dictionary<int, string> Prefixes = new() { [3010] = "/auth", [3011] = "/core", [3012] = "/storage" };

    private Exchange(string fileName, JsonObject json)
    {
        FileName = fileName;
        Number = int.Parse(fileName[..2], System.Globalization.CultureInfo.InvariantCulture);
        var request = json["request"]!.AsObject();
        var response = json["response"]!.AsObject();
        Method = request["method"]!.GetValue<string>();
        var url = new Uri(request["url"]!.GetValue<string>());
        Path = Prefixes[url.Port] + url.AbsolutePath;
        Query = ParseQuery(url.Query);
        RequestBody = request["body"];
        Status = response["status"]!.GetValue<int>();
        ResponseBody = response["body"];
    }

    /// <summary>The fixture's file name, such as <c>28-core-nodes-filter-page-sort-include.json</c>.</summary>
    public string FileName { get; }

    /// <summary>The exchange's number in the recording.</summary>
    public int Number { get; }

    public string Method { get; }

    /// <summary>The path on WireMock: service prefix and recorded path.</summary>
    public string Path { get; }

    /// <summary>The recorded query parameters, decoded, in recorded order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; }

    public JsonNode? RequestBody { get; }

    public int Status { get; }

    public JsonNode? ResponseBody { get; }

    /// <summary>The directory the test project copies the fixtures to.</summary>
    public static string Directory => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "exchanges");

    /// <summary>Loads the fixture whose file name starts with the two-digit <paramref name="number"/>.</summary>
    public static Exchange Load(int number)
    {
        var prefix = number.ToString("D2", System.Globalization.CultureInfo.InvariantCulture) + "-";
        var file = System.IO.Directory.GetFiles(Directory, prefix + "*.json").SingleOrDefault()
            ?? throw new FileNotFoundException($"No fixture for exchange {number} in {Directory}.");
        return new Exchange(System.IO.Path.GetFileName(file), JsonNode.Parse(File.ReadAllText(file))!.AsObject());
    }

    /// <summary>Loads the exchange and stubs its recorded JSON answer.</summary>
    public static async Task<Exchange> StubAsync(int number)
    {
        var exchange = Load(number);
        await exchange.StubJsonAsync();
        return exchange;
    }

    /// <summary>Stubs the recorded status and JSON body for the recorded method and path.</summary>
    public Task StubJsonAsync() => WireMockFixture.Server.StubAsync(Mapping(new JsonObject
    {
        ["status"] = Status,
        ["headers"] = new JsonObject { ["Content-Type"] = "application/json" },
        ["body"] = ResponseBody?.ToJsonString() ?? "",
    }));

    /// <summary>Stubs the recorded status with <paramref name="bytes"/> as the body (the recording keeps only a byte count and a preview).</summary>
    public Task StubBytesAsync(byte[] bytes, string contentType) => WireMockFixture.Server.StubAsync(Mapping(new JsonObject
    {
        ["status"] = Status,
        ["headers"] = new JsonObject { ["Content-Type"] = contentType },
        ["base64Body"] = Convert.ToBase64String(bytes),
    }));

    private JsonObject Mapping(JsonObject response) => new()
    {
        ["request"] = new JsonObject { ["method"] = Method, ["urlPath"] = Path },
        ["response"] = response,
    };

    /// <summary>
    /// Checks that WireMock received exactly one request and that it is the recorded one: method,
    /// path, every query parameter (decoded) and nothing else but <paramref name="extraQuery"/>,
    /// and the body (JSON compared as JSON; a multipart upload by its parts' names and file names).
    /// </summary>
    /// <param name="extraQuery">Parameters the client sends beyond the recording, each with its exact value.</param>
    /// <returns>The journal entry, for further checks such as headers.</returns>
    public async Task<JsonObject> AssertSentAsync(IReadOnlyDictionary<string, string>? extraQuery = null)
    {
        var requests = await WireMockFixture.Server.RequestsAsync();
        Assert.That(requests.Select(r => $"{r["method"]} {r["url"]}").ToList(), Has.Count.EqualTo(1), $"exchange {Number}: one request");
        var sent = requests[0];
        var url = sent["url"]!.GetValue<string>();

        var expectedQuery = Query.Select(p => $"{p.Key}={p.Value}")
            .Concat((extraQuery ?? new Dictionary<string, string>()).Select(p => $"{p.Key}={p.Value}"));
        Assert.Multiple(() =>
        {
            Assert.That(sent["method"]!.GetValue<string>(), Is.EqualTo(Method), $"exchange {Number}: method");
            Assert.That(Uri.UnescapeDataString(url.Split('?')[0]), Is.EqualTo(Path), $"exchange {Number}: path");
            Assert.That(SentQuery(sent), Is.EquivalentTo(expectedQuery), $"exchange {Number}: query of {url}");
        });
        AssertBody(sent, RequestBody);
        return sent;
    }

    /// <summary>Like <see cref="AssertSentAsync"/>, but compares the body with <paramref name="expectedBody"/> instead of the recorded one.</summary>
    public async Task<JsonObject> AssertSentWithBodyAsync(JsonNode expectedBody)
    {
        var requests = await WireMockFixture.Server.RequestsAsync();
        Assert.That(requests, Has.Count.EqualTo(1), $"exchange {Number}: one request");
        var sent = requests[0];
        Assert.Multiple(() =>
        {
            Assert.That(sent["method"]!.GetValue<string>(), Is.EqualTo(Method), $"exchange {Number}: method");
            Assert.That(Uri.UnescapeDataString(sent["url"]!.GetValue<string>().Split('?')[0]), Is.EqualTo(Path), $"exchange {Number}: path");
            Assert.That(SentQuery(sent), Is.EquivalentTo(Query.Select(p => $"{p.Key}={p.Value}")), $"exchange {Number}: query");
        });
        AssertBody(sent, expectedBody);
        return sent;
    }

    /// <summary>Checks that <paramref name="error"/> carries the recorded status, code, message and whole body.</summary>
    public void AssertError(HubApiException? error)
    {
        Assert.That(error, Is.Not.Null, $"exchange {Number}: the call throws HubApiException");
        var body = ResponseBody!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(Status), "StatusCode");
            Assert.That(error.Code, Is.EqualTo(body["code"]?.GetValue<string>()), "Code");
            Assert.That(error.HubMessage, Is.EqualTo(body["message"]?.GetValue<string>()), "HubMessage");
            Assert.That(error.Body, Is.Not.Null, "Body");
            var received = JsonNode.Parse(error.Body!.Value.GetRawText());
            Assert.That(JsonNode.DeepEquals(received, body), Is.True,
                $"Body with its extra members: expected {body.ToJsonString()}, got {received?.ToJsonString()}");
        });
    }

    /// <summary>A request header's first value as WireMock recorded it; null when absent.</summary>
    public static string? Header(JsonObject sent, string name)
    {
        var headers = sent["headers"]?.AsObject();
        var entry = headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
        return entry switch
        {
            null => null,
            JsonArray values => values[0]?.GetValue<string>(),
            var value => value.GetValue<string>(),
        };
    }

    private static IEnumerable<string> SentQuery(JsonObject sent)
    {
        var parameters = sent["queryParams"]?.AsObject() ?? new JsonObject();
        foreach (var (name, parameter) in parameters)
        {
            foreach (var value in parameter!["values"]!.AsArray())
            {
                yield return $"{name}={value!.GetValue<string>()}";
            }
        }
    }

    private void AssertBody(JsonObject sent, JsonNode? expected)
    {
        var text = sent["body"]?.GetValue<string>() ?? "";
        if (expected is null)
        {
            Assert.That(text, Is.Empty, $"exchange {Number}: no body");
            return;
        }
        if (expected is JsonObject multipart && multipart["multipart/form-data"] is JsonObject parts)
        {
            var raw = Encoding.Latin1.GetString(Convert.FromBase64String(sent["bodyAsBase64"]!.GetValue<string>()));
            var sentParts = PartHeader().Matches(raw).Select(m => $"{m.Groups[1].Value}={m.Groups[2].Value}");
            Assert.That(sentParts, Is.EqualTo(parts.Select(p => $"{p.Key}={p.Value!.GetValue<string>()}")),
                $"exchange {Number}: multipart parts (name=filename)");
            return;
        }
        var actual = JsonNode.Parse(text);
        Assert.That(JsonNode.DeepEquals(actual, expected), Is.True,
            $"exchange {Number}: JSON body: expected {expected.ToJsonString()}, sent {text}");
    }

    private static List<KeyValuePair<string, string>> ParseQuery(string query)
    {
        var result = new List<KeyValuePair<string, string>>();
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=');
            var name = at < 0 ? pair : pair[..at];
            var value = at < 0 ? "" : pair[(at + 1)..];
            result.Add(new(Uri.UnescapeDataString(name), Uri.UnescapeDataString(value)));
        }
        return result;
    }

    [GeneratedRegex("Content-Disposition: form-data; name=\"([^\"]*)\"; filename=\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex PartHeader();
}
