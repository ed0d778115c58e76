using System.Text.Json.Nodes;

namespace FlameHub.Generated.Tests.Releases;

/// <summary>
/// The status documents services send at <c>GET /</c>, as recorded (0.8.13: exchanges 01, 22, 47;
/// 0.14.0: 32, 57, 84), and what the test servers answer there: a Hub of the package's own release,
/// so tests of other things see a Hub the guard lets through.
/// </summary>
internal static class HubStatus
{
    public const string Auth0813 = """{"version":"1.0.0-beta.26","timestamp":1795314816185,"tokenMaxAgeAccessToken":3600,"tokenMaxAgeRefreshToken":259200,"redis":false,"vault":false}""";
    public const string Core0813 = """{"version":"0.8.13","timestamp":1795314817036}""";
    public const string Storage0813 = """{"timestamp":1795314818506}""";
    public const string Auth0140 = """{"version":"1.0.0-beta.62","date":"2026-12-01T09:31:00.197Z","features":{"registration":false,"passwordRecovery":false,"emailVerification":false,"accountConsole":true}}""";
    public const string Core0140 = """{"version":"0.14.0","timestamp":1796117460951}""";
    public const string Storage0140 = """{"version":"0.14.0","timestamp":1796117461592}""";

    /// <summary>The name the test servers' own status mappings carry, so journals can leave their requests out.</summary>
    public const string MappingName = "flamehub-release-status";

    public static readonly string[] Services = ["auth", "core", "storage"];

    /// <summary>Whether the Hub the package speaks is on the 0.8 line (else the 0.14 one, or a later one).</summary>
    public static bool OwnIs0813 => HubRelease.Hub.StartsWith("0.8.", StringComparison.Ordinal);

    /// <summary>What a Hub of the package's own release answers at <paramref name="service"/>'s <c>GET /</c>.</summary>
    public static string Own(string service) => service == "auth"
        ? new JsonObject { ["version"] = HubRelease.Authup, ["timestamp"] = 1795314816185 }.ToJsonString()
        : new JsonObject { ["version"] = HubRelease.Hub, ["timestamp"] = 1795314817036 }.ToJsonString();

    /// <summary>What a Hub of the other recorded release (0.14.0 for a 0.8 package, 0.8.13 for any other) answers.</summary>
    public static string Other(string service) => (OwnIs0813, service) switch
    {
        (true, "auth") => Auth0140,
        (true, "core") => Core0140,
        (true, _) => Storage0140,
        (false, "auth") => Auth0813,
        (false, "core") => Core0813,
        _ => Storage0813,
    };

    /// <summary>The release <see cref="Other"/> reports for <paramref name="service"/>.</summary>
    public static string? OtherVersion(string service) => JsonNode.Parse(Other(service))!["version"]?.GetValue<string>();

    /// <summary>Whether a request is a service root's <c>GET /</c> (the release check's): no Hub operation's path ends with a slash.</summary>
    public static bool IsStatus(string method, string target) =>
        method == "GET" && target.EndsWith('/') && !target.Contains('?');

    /// <summary>
    /// The test servers' answer to <see cref="IsStatus"/>: the own release under <c>/auth/</c>, <c>/core/</c>,
    /// <c>/storage/</c>; no version under any other root (which service it is is not known there), as storage 0.8.13 answers.
    /// </summary>
    public static string ForTarget(string target) => target.TrimEnd('/').Split('/')[^1] is var service && Services.Contains(service) ? Own(service) : Storage0813;

    /// <summary>WireMock mappings (lowest priority) that answer each service's <c>GET /</c> with <see cref="Own"/>.</summary>
    public static IEnumerable<(string FileName, JsonObject Mapping)> WireMockMappings() => Services.Select(service => ($"zz-status-{service}.json", new JsonObject
    {
        ["name"] = MappingName,
        ["priority"] = 100,
        ["request"] = new JsonObject { ["method"] = "GET", ["url"] = $"/{service}/" },
        ["response"] = new JsonObject
        {
            ["status"] = 200,
            ["headers"] = new JsonObject { ["Content-Type"] = "application/json; charset=utf-8" },
            ["body"] = Own(service),
        },
    }));
}
