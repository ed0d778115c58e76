using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FlameHub.Generated.Tests.Contract;

/// <summary>
/// One exchange recorded against a real Hub of the release this run is for (a copy under
/// Fixtures/exchanges, JWTs replaced by dummy tokens): stubbed into WireMock as the recorded answer,
/// and the request the client sent checked against the recorded request.
/// </summary>
/// <remarks>
/// On WireMock the services live under <c>/auth</c>, <c>/core</c> and <c>/storage</c>. A recording
/// made on the services' own ports (Hub 0.8.13: 3010 auth, 3011 core, 3012 storage) gets the
/// prefix of its port; one made through a gateway (Hub 0.14.0) already has it in its path.
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
        Path = Prefixes.TryGetValue(url.Port, out var prefix) ? prefix + url.AbsolutePath : url.AbsolutePath;
        Query = ParseQuery(url.Query);
        RequestBody = request["body"];
        RequestHeaders = request["headers"]?.AsObject() ?? new JsonObject();
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

    /// <summary>The <c>data</c> of an enveloped answer (<c>{data, meta}</c>): the record, or the list's items.</summary>
    public JsonNode? Data => ResponseBody?["data"];

    /// <summary>The recorded request headers (tokens redacted).</summary>
    public JsonObject RequestHeaders { get; }

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
    /// the kind of credential (the <c>Authorization</c> scheme, or none), the body's media type, and
    /// the body (JSON compared as JSON, a form by its fields, a multipart upload by its parts).
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
        AssertHeaders(sent);
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
        AssertHeaders(sent);
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

    private void AssertHeaders(JsonObject sent)
    {
        var recordedAuthorization = RecordedHeader("Authorization");
        var recordedType = RecordedHeader("Content-Type");
        var sentAuthorization = Header(sent, "Authorization");
        Assert.Multiple(() =>
        {
            Assert.That(Scheme(sentAuthorization), Is.EqualTo(Scheme(recordedAuthorization)),
                $"exchange {Number}: Authorization scheme (recorded {recordedAuthorization ?? "none"})");
            if (recordedType is not null)
            {
                Assert.That(MediaType(Header(sent, "Content-Type")), Is.EqualTo(MediaType(recordedType)), $"exchange {Number}: Content-Type");
            }
        });
    }

    private string? RecordedHeader(string name) =>
        RequestHeaders.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.GetValue<string>();

    private static string? Scheme(string? authorization) => authorization?.Split(' ')[0];

    private static string? MediaType(string? contentType) => contentType?.Split(';')[0].Trim().ToLowerInvariant();

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
            Assert.That(SentParts(raw), Is.EqualTo(parts.Select(p => RecordedPart(p.Key, p.Value!))),
                $"exchange {Number}: multipart parts");
            return;
        }
        if (expected is JsonObject form && form["application/x-www-form-urlencoded"] is JsonObject fields)
        {
            var sentFields = ParseQuery(text.Replace('+', ' ')).Select(p => $"{p.Key}={p.Value}");
            Assert.That(sentFields, Is.EquivalentTo(fields.Select(f => $"{f.Key}={f.Value?.GetValue<string>()}")), $"exchange {Number}: form fields of {text}");
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

    /// <summary>
    /// A recorded part as the sent ones are described: <c>name=filename</c> where only the file name was
    /// recorded (Hub 0.8.13), with its content type and content where those were too (Hub 0.14.0).
    /// </summary>
    private static string RecordedPart(string name, JsonNode part) => part is JsonObject file
        ? $"{name}={file["filename"]?.GetValue<string>()} {MediaType(file["content-type"]?.GetValue<string>())} {file["content"]?.GetValue<string>()}"
        : $"{name}={part.GetValue<string>()}";

    private IEnumerable<string> SentParts(string raw)
    {
        var recordedInFull = RequestBody?["multipart/form-data"]?.AsObject().Any(p => p.Value is JsonObject) == true;
        var boundary = raw[..raw.IndexOf("\r\n", StringComparison.Ordinal)];
        foreach (var chunk in raw.Split(boundary).Skip(1).Where(c => !c.StartsWith("--", StringComparison.Ordinal)))
        {
            var headersEnd = chunk.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var headers = chunk[..headersEnd];
            var content = chunk[(headersEnd + 4)..^2];
            var name = PartHeader().Match(headers).Groups["name"].Value;
            var fileName = PartHeader().Match(headers).Groups["file"].Value;
            var contentType = PartType().Match(headers).Groups[1].Value;
            yield return recordedInFull
                ? $"{name}={fileName} {MediaType(contentType)} {Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(content))}"
                : $"{name}={fileName}";
        }
    }

    [GeneratedRegex("Content-Disposition: form-data; name=\"(?<name>[^\"]*)\"; filename=\"(?<file>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex PartHeader();

    [GeneratedRegex("^Content-Type: *([^\r\n]*)", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex PartType();
}
