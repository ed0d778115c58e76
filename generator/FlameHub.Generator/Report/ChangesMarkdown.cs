using System.Text;
using System.Text.Json.Nodes;

namespace FlameHub.Generator.Report;

/// <summary>
/// Writes a release folder's <c>CHANGES.md</c> for a user deciding whether to move: the releases
/// compared, a table per service, then per service what they lose, what changed shape, what got
/// renamed and what is new, breaking changes first in each.
/// </summary>
public static class ChangesMarkdown
{
    public const string FileName = "CHANGES.md";

    private static readonly (ChangeSection Section, string Title)[] Sections =
    [
        (ChangeSection.Lost, "What you lose"),
        (ChangeSection.Shape, "What changed shape"),
        (ChangeSection.Renamed, "What got renamed"),
        (ChangeSection.New, "What is new"),
    ];

    /// <param name="baseline">What the documents were compared with, in words (a folder of <c>specs/</c>).</param>
    public static string Write(JsonObject oldRelease, JsonObject newRelease, IReadOnlyList<SpecDiff> diffs, string? baseline = null)
    {
        var text = new StringBuilder();
        text.Append($"# Hub {Versions(oldRelease["hub"], newRelease["hub"])}: what changes for a client\n\n");
        text.Append("Written by `./build.sh import-specs`: the imported documents compared with ")
            .Append(baseline ?? "the ones they replaced")
            .Append(", service by service, by resource, operation (method and path) and entity field, whatever the documents call their schemas. ");
        text.Append("**Breaking** means code written against the previous release's package stops compiling or starts failing; ");
        text.Append("the rules are in `generator/FlameHub.Generator/Report/BreakingRules.cs`. ");
        text.Append("Only what the documents declare is compared: what a release does differently without saying so is in its `generator/quirks/hub-<release>/` overlays, with evidence.\n\n");
        text.Append($"- Hub: {Versions(oldRelease["hub"], newRelease["hub"])}\n");
        text.Append($"- Authup: {Versions(oldRelease["authup"], newRelease["authup"])}\n\n");
        text.Append("Lines per service and section (a line may cover many fields or operations):\n\n");
        text.Append("| Service | Lost | Changed shape | Renamed | New | Breaking |\n|---|---|---|---|---|---|\n");
        foreach (var diff in diffs)
        {
            text.Append(diff.Old is null
                ? $"| {diff.Service} | first import | | | | |\n"
                : $"| {diff.Service} | {diff.Count(ChangeSection.Lost)} | {diff.Count(ChangeSection.Shape)} | {diff.Count(ChangeSection.Renamed)} | {diff.Count(ChangeSection.New)} | {diff.BreakingCount} |\n");
        }

        foreach (var diff in diffs)
        {
            text.Append($"\n## {diff.Service} ({Versions(diff.OldVersion, diff.NewVersion)})\n\n");
            if (diff.Old is null)
            {
                text.Append($"First import ({HubDocumentFacts.CountOperations(diff.New)} operations); nothing to compare.\n");
                continue;
            }
            if (diff.Changes.Count == 0)
            {
                text.Append("No changes to resources, operations, fields or security schemes.\n");
                continue;
            }
            foreach (var (section, title) in Sections) Section(text, title, diff.Changes.Where(c => c.Section == section).ToList());
        }
        return text.ToString();
    }

    private static void Section(StringBuilder text, string title, IReadOnlyList<SpecChange> changes)
    {
        text.Append($"### {title}\n\n");
        if (changes.Count == 0)
        {
            text.Append("Nothing.\n\n");
            return;
        }
        foreach (var change in changes.OrderByDescending(c => c.Breaking).ThenBy(c => c.Kind).ThenBy(c => c.Subject, StringComparer.Ordinal))
        {
            text.Append(Line(change)).Append('\n');
        }
        text.Append('\n');
    }

    /// <summary>One change as the report prints it: <c>- `robots`: resource gone … — **breaking**: its methods disappear from the client</c>.</summary>
    public static string Line(SpecChange change) =>
        $"- {change.Subject}: {change.Text}{(change.Breaking ? $" — **breaking**: {change.Why}" : "")}";

    private static string Versions(JsonNode? old, JsonNode? @new) => Versions(old?.ToString(), @new?.ToString());

    private static string Versions(string? old, string? @new) =>
        old == @new ? $"{@new ?? "unknown"} (unchanged)" : $"{old ?? "none"} → {@new ?? "unknown"}";
}
