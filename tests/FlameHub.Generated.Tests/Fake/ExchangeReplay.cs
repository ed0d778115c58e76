using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FlameHub.Generated.Tests.Fake;

/// <summary>
/// Replays a release's recorded exchanges, in recorded order, against one fresh <see cref="FakeHub"/>.
/// What the Hub made up when it answered (ids, tokens) the fake makes up differently: each recorded
/// value is mapped to the fake's value at the same place of its answer, and later requests send the
/// fake's. A redacted bearer token is the seeded admin's token from the fake; Basic credentials are
/// the seeded admin's, as they were when the recordings were made.
/// </summary>
internal sealed partial class ExchangeReplay(FakeHub hub) : IDisposable
{
    private const string Admin = "admin", AdminPassword = "start123"; // the recordings' admin, which the fake seeds too
    private readonly HttpClient _http = new(hub.Handler, disposeHandler: false);
    private readonly Dictionary<string, string> _mapped = new(StringComparer.Ordinal);
    private string? _token;

    /// <summary>Sends <paramref name="exchange"/> to the fake; the differences from its recorded answer, none when it matches.</summary>
    public async Task<List<string>> ReplayAsync(RecordedExchange exchange, CancellationToken cancellationToken)
    {
        _token ??= await AdminTokenAsync(cancellationToken);
        var baseUrl = exchange.Service switch { "auth" => hub.AuthUrl, "core" => hub.CoreUrl, "storage" => hub.StorageUrl, var s => throw new InvalidOperationException(s) };
        using var request = new HttpRequestMessage(new HttpMethod(exchange.Method), new Uri(baseUrl, Substitute(exchange.PathAndQuery).TrimStart('/')));
        request.Headers.Authorization = exchange.Authorization?.Split(' ')[0] switch
        {
            null => null,
            "Basic" => new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Admin}:{AdminPassword}"))),
            // Every bearer token is redacted; the recorder's note tells the made-up one from the admin's.
            var scheme when exchange.Note?.Contains("garbage bearer token", StringComparison.OrdinalIgnoreCase) == true => new AuthenticationHeaderValue(scheme, "garbage-" + Guid.NewGuid().ToString("N")),
            var scheme => new AuthenticationHeaderValue(scheme, _token),
        };
        request.Content = Content(exchange);
        using var response = await _http.SendAsync(request, cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);

        var differences = new List<string>();
        if ((int)response.StatusCode != exchange.Status) differences.Add($"status: recorded {exchange.Status}, fake {(int)response.StatusCode} to {request.Method} {request.RequestUri!.PathAndQuery}");
        if (BinaryLength(exchange.Answer) is { } length)
        {
            if (bytes.Length != length) differences.Add($"body: recorded {length} bytes, fake {bytes.Length}");
            return differences;
        }
        if (exchange.Answer is JsonValue text && text.GetValueKind() == JsonValueKind.String)
        {
            if (Encoding.UTF8.GetString(bytes) != text.GetValue<string>()) differences.Add("body: not the recorded text");
            return differences;
        }
        JsonNode? answer;
        try
        {
            answer = bytes.Length == 0 ? null : JsonNode.Parse(bytes);
        }
        catch (JsonException)
        {
            differences.Add($"body: recorded JSON, fake {response.Content.Headers.ContentType}");
            return differences;
        }
        if (exchange.Answer is not null && answer is null) differences.Add("body: recorded JSON, fake none");
        differences.AddRange(BodyShape.Differences(exchange.Answer, answer));
        Learn(exchange.Answer, answer);
        return differences;
    }

    public void Dispose() => _http.Dispose();

    private async Task<string> AdminTokenAsync(CancellationToken cancellationToken)
    {
        var grant = new JsonObject { ["grant_type"] = "password", ["username"] = Admin, ["password"] = AdminPassword };
        using var response = await _http.PostAsync(new Uri(hub.AuthUrl, "token"), new StringContent(grant.ToJsonString(), Encoding.UTF8, "application/json"), cancellationToken);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!["access_token"]!.GetValue<string>();
    }

    /// <summary>The recorded body as the recording sent it: JSON, a form, or multipart file parts.</summary>
    private HttpContent? Content(RecordedExchange exchange)
    {
        if (exchange.Body is not JsonObject body) return null;
        if (exchange.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) == true)
        {
            // 0.8.13 recorded the form's fields, 0.14.0 the fields under the media type.
            if (body["application/x-www-form-urlencoded"] is JsonObject fields) body = fields;
            return new FormUrlEncodedContent(body.Select(f => new KeyValuePair<string, string>(f.Key, Substitute(f.Value?.ToString() ?? ""))));
        }
        if (body["multipart/form-data"] is JsonObject parts)
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (field, part) in parts)
            {
                // 0.8.13 recorded the file name only; 0.14.0 the name, type and text of each part.
                var described = part as JsonObject;
                var fileName = described?["filename"]!.GetValue<string>() ?? part!.GetValue<string>();
                var content = described?["content"]?.GetValue<string>() is { } recorded ? Encoding.UTF8.GetBytes(recorded) : new byte[RecordedSize(exchange.Answer, fileName)];
                var file = new ByteArrayContent(content);
                file.Headers.ContentType = new MediaTypeHeaderValue(described?["content-type"]?.GetValue<string>() ?? "application/octet-stream");
                // Quoted, as browsers and the library send them.
                file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = $"\"{field}\"", FileName = $"\"{fileName}\"" };
                multipart.Add(file);
            }
            return multipart;
        }
        return new StringContent(Substitute(body.ToJsonString()), Encoding.UTF8, "application/json");
    }

    /// <summary>The size the upload's answer records for the file at <paramref name="path"/>, so that the fake stores as many bytes.</summary>
    private static int RecordedSize(JsonNode? answer, string path) =>
        (answer?["data"] as JsonArray)?.OfType<JsonObject>().FirstOrDefault(f => f["path"]?.GetValue<string>() == path)?["size"]?.GetValue<int>() ?? 16;

    /// <summary>The length of a binary answer the recording kept as a summary (<c>{"&lt;bytes&gt;": n}</c>, <c>{length, sha256}</c>).</summary>
    private static int? BinaryLength(JsonNode? answer) =>
        answer is JsonObject summary && (summary["<bytes>"] ?? (summary.ContainsKey("sha256") ? summary["length"] : null)) is { } length ? length.GetValue<int>() : null;

    private string Substitute(string text)
    {
        foreach (var (recorded, fake) in _mapped.OrderByDescending(m => m.Key.Length)) text = text.Replace(recorded, fake, StringComparison.Ordinal);
        // The recorder wrote each token as token-NN, NN the exchange that issued it; one issued by an
        // exchange the fixtures do not carry (0.8.13's sign-ins, 02-04) is the admin's, as every redacted bearer token is.
        return RecordedToken().Replace(text, _token ?? "");
    }

    [System.Text.RegularExpressions.GeneratedRegex("(?<=\")token-[0-9]+(?=\")")]
    private static partial System.Text.RegularExpressions.Regex RecordedToken();

    /// <summary>Maps what the Hub made up (uuids, tokens) to what the fake answered in the same place.</summary>
    private void Learn(JsonNode? recorded, JsonNode? actual)
    {
        switch (recorded, actual)
        {
            case (JsonObject expected, JsonObject given):
                foreach (var (name, value) in expected)
                {
                    if (!given.TryGetPropertyValue(name, out var other)) continue;
                    if (name.EndsWith("token", StringComparison.Ordinal) && value is JsonValue && other is JsonValue)
                        _mapped[value.ToString()] = other.ToString();
                    else Learn(value, other);
                }
                break;
            case (JsonArray expected, JsonArray given) when expected.Count == given.Count:
                for (var i = 0; i < expected.Count; i++) Learn(expected[i], given[i]);
                break;
            case (JsonValue expected, JsonValue given) when expected.GetValueKind() == JsonValueKind.String && given.GetValueKind() == JsonValueKind.String:
                var (from, to) = (expected.GetValue<string>(), given.GetValue<string>());
                if (from != to && Guid.TryParse(from, out _) && !_mapped.ContainsKey(from)) _mapped[from] = to;
                break;
        }
    }
}
