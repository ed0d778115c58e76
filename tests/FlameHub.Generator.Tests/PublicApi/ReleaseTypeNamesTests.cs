using System.Text.Json.Nodes;
using FlameHub.Generator.PublicApi;

namespace FlameHub.Generator.Tests.PublicApi;

/// <summary>
/// Issue 12, point 2: the packages of all releases have the same namespaces and type names, so code
/// using what the Hubs share compiles unchanged against each. Read from the committed listings
/// (src/FlameHub.Generated/PublicAPI/hub-*/PublicAPI.*.txt): a type only some releases have is a real
/// difference between the Hubs, listed with its reason in src/FlameHub.Generated/PublicAPI/release-differences.json.
/// A type the same thing on two releases but named differently shows up here as two unlisted types.
/// </summary>
public class ReleaseTypeNamesTests
{
    private static string PublicApiFolder => Path.Combine(RepositoryPaths.Root, "src", "FlameHub.Generated", "PublicAPI");

    private static readonly string[] Modifiers = ["abstract ", "static ", "sealed ", "override ", "virtual ", "const ", "readonly "];

    /// <summary>The public types a listing declares: its lines that are a name alone (members have <c>-></c> or a parameter list).</summary>
    internal static SortedSet<string> TypesOf(IEnumerable<string> listing)
    {
        var types = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var raw in listing)
        {
            var line = raw.StartsWith(ApiListing.RemovedPrefix, StringComparison.Ordinal) ? null : raw;
            while (line is not null && Modifiers.FirstOrDefault(m => line.StartsWith(m, StringComparison.Ordinal)) is { } modifier) line = line[modifier.Length..];
            if (line is null || line.Contains("->", StringComparison.Ordinal) || line.Contains('(') || line.Contains('=')) continue;
            types.Add(line);
        }
        return types;
    }

    private static Dictionary<string, SortedSet<string>> TypesOfEveryRelease() =>
        Directory.GetDirectories(PublicApiFolder, "hub-*").ToDictionary(
            d => Path.GetFileName(d)["hub-".Length..],
            d => TypesOf(ApiListing.Read(Path.Combine(d, "PublicAPI.Shipped.txt")).Concat(ApiListing.Read(Path.Combine(d, "PublicAPI.Unshipped.txt")))),
            StringComparer.Ordinal);

    private static JsonObject Differences() =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(PublicApiFolder, "release-differences.json")))!["releases"]!;

    private static SortedSet<string> Listed(JsonObject differences, string release) =>
        new((differences[release] as JsonArray ?? []).SelectMany(g => g!["types"]!.AsArray().Select(t => t!.GetValue<string>())), StringComparer.Ordinal);

    [Test]
    public void The_types_only_one_release_has_are_the_listed_differences_between_the_Hubs()
    {
        var releases = TypesOfEveryRelease();
        var differences = Differences();
        Assert.That(releases.Keys, Is.SupersetOf(new[] { "0.8.13", "0.14.0" }));
        var shared = releases.Values.Aggregate((a, b) => new SortedSet<string>(a.Intersect(b, StringComparer.Ordinal), StringComparer.Ordinal));
        Assert.That(shared, Has.Count.GreaterThan(150), "most types are the same on every release");

        Assert.Multiple(() =>
        {
            foreach (var (release, types) in releases)
            {
                var own = types.Except(shared, StringComparer.Ordinal).ToList();
                var listed = Listed(differences, release);
                Assert.That(own.Where(t => !listed.Contains(t)), Is.Empty,
                    $"{release}: types other releases lack that release-differences.json does not explain (the same thing named differently is a naming-rule bug)");
                Assert.That(listed.Where(t => !own.Contains(t)), Is.Empty, $"{release}: listed as a difference but not one (any more)");
            }
            Assert.That(differences.Select(d => d.Key).Where(r => !releases.ContainsKey(r)), Is.Empty, "differences of a release without a listing");
        });
    }

    [Test]
    public void Every_listed_difference_says_why()
    {
        var groups = Differences().SelectMany(r => r.Value!.AsArray().Select(g => (Release: r.Key, Group: g!))).ToList();

        Assert.That(groups, Is.Not.Empty);
        Assert.That(groups.Where(g => (g.Group["why"]?.GetValue<string>() ?? "").Length < 20 || g.Group["types"]!.AsArray().Count == 0)
            .Select(g => g.Release + ": " + g.Group["types"]!.ToJsonString()), Is.Empty);
    }

    [Test]
    public void A_listing_line_is_a_type_only_when_it_declares_one()
    {
        var types = TypesOf([
            "FlameHub.Auth.Realm",
            "FlameHub.Auth.Realm.Name.get -> string?",
            "FlameHub.Auth.Realm.Realm() -> void",
            "static FlameHub.Auth.RealmFields",
            "const FlameHub.Auth.RealmFields.Name = \"name\" -> string!",
            "FlameHub.Core.NodeType.Aggregator = 0 -> FlameHub.Core.NodeType",
            "sealed FlameHub.HubException",
            "*REMOVED*FlameHub.Auth.Robot",
        ]);

        Assert.That(types, Is.EqualTo(new[] { "FlameHub.Auth.Realm", "FlameHub.Auth.RealmFields", "FlameHub.HubException" }));
    }
}
