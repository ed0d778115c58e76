using System.Globalization;
using System.Text.Json.Nodes;

namespace FlameHub.Generated.Tests.Fake;

/// <summary>
/// One exchange of this run's release as recorded (Fixtures/exchanges), read without WireMock: the
/// service it went to, the path after the service's root with its raw query, the credential kind,
/// the body, the recorded answer and the recorder's note.
/// </summary>
internal sealed record RecordedExchange(int Number, string Name, string Method, string Service, string PathAndQuery,
    string? Authorization, string? ContentType, JsonNode? Body, int Status, JsonNode? Answer, string? Note)
{
    // Hub 0.8.13 was recorded on the services' own ports, Hub 0.14.0 through a gateway (/auth/, /core/, /storage/).
    private static readonly Dictionary<int, string> Ports = new() { [3010] = "auth", [3011] = "core", [3012] = "storage" };

    /// <summary>Every recorded exchange, in recorded order.</summary>
    public static IReadOnlyList<RecordedExchange> All() =>
        Directory.GetFiles(Contract.Exchange.Directory, "*.json").Order(StringComparer.Ordinal).Select(Read).ToList();

    private static RecordedExchange Read(string file)
    {
        var json = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        var request = json["request"]!.AsObject();
        var response = json["response"]!.AsObject();
        var url = request["url"]!.GetValue<string>();
        var uri = new Uri(url);
        var pathAndQuery = url[(url.IndexOf('/', uri.Scheme.Length + 3))..];
        string service;
        if (Ports.TryGetValue(uri.Port, out var byPort)) service = byPort;
        else
        {
            var segments = pathAndQuery.TrimStart('/').Split('/', 2);
            service = segments[0];
            pathAndQuery = "/" + (segments.Length > 1 ? segments[1] : "");
        }
        var headers = (request["headers"]?.AsObject() ?? []).ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value?.GetValue<string>());
        var name = Path.GetFileNameWithoutExtension(file);
        return new RecordedExchange(int.Parse(name[..2], CultureInfo.InvariantCulture), name, request["method"]!.GetValue<string>(), service,
            pathAndQuery, headers.GetValueOrDefault("authorization"), headers.GetValueOrDefault("content-type"),
            request["body"]?.DeepClone(), response["status"]!.GetValue<int>(), response["body"]?.DeepClone(), json["note"]?.GetValue<string>());
    }
}
