using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FlameHub.Generated.Tests;

/// <summary>The quirk overlays (generator/quirks/) of the release in specs/, read as the generator reads them.</summary>
internal static partial class QuirkData
{
    [GeneratedRegex(@"^\$\.paths\['(?<path>[^']+)'\]\.(?<method>[a-z]+)$")]
    private static partial Regex OperationTarget();

    /// <summary>The operations of <paramref name="service"/> marked <c>x-flamehub-excluded</c>, as <c>POST authorize</c>, with the reason.</summary>
    public static IReadOnlyDictionary<string, string> ExcludedOperations(string service)
    {
        var excluded = new Dictionary<string, string>(StringComparer.Ordinal);
        var overlay = Path.Combine(Folder(), service + ".overlay.json");
        if (!File.Exists(overlay)) return excluded;
        foreach (var action in JsonNode.Parse(File.ReadAllText(overlay))!["actions"]!.AsArray().OfType<JsonObject>())
        {
            if (action["update"]?["x-flamehub-excluded"] is not JsonValue reason) continue;
            var target = OperationTarget().Match(action["target"]!.GetValue<string>());
            Assert.That(target.Success, Is.True, $"an exclusion's target names one operation: {action["target"]}");
            excluded[$"{target.Groups["method"].Value.ToUpperInvariant()} {target.Groups["path"].Value.TrimStart('/')}"] = reason.GetValue<string>();
        }
        return excluded;
    }

    /// <summary>The quirks of the newest release at or below the one in specs/hub-release.json.</summary>
    private static string Folder()
    {
        var hub = Version.Parse(JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Specs, "hub-release.json")))!["hub"]!.GetValue<string>().Split('-')[0]);
        return Directory.GetDirectories(Path.Combine(RepositoryPaths.Root, "generator", "quirks"), "hub-*")
            .Select(d => (Dir: d, Version: Version.Parse(Path.GetFileName(d)["hub-".Length..].Split('-')[0])))
            .Where(d => d.Version <= hub)
            .OrderByDescending(d => d.Version)
            .Select(d => d.Dir)
            .First();
    }
}
