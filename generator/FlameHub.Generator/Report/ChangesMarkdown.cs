using System.Text;
using System.Text.Json.Nodes;

namespace FlameHub.Generator.Report;

/// <summary>
/// Writes <c>specs/CHANGES.md</c>: the releases before and after, then per service its breaking
/// and its other changes, each split into operations and schemas.
/// </summary>
public static class ChangesMarkdown
{
    public const string FileName = "CHANGES.md";

    public static string Write(JsonObject oldRelease, JsonObject newRelease, IReadOnlyList<SpecDiff> diffs)
    {
        var text = new StringBuilder();
        text.Append("# Changes in the Hub's API documents\n\n");
        text.Append("Written by `./build.sh import-specs`: what the imported documents change against the ones they replaced in `specs/`. ");
        text.Append("Breaking means code written against the previous client stops compiling or starts failing; the rules are in `generator/FlameHub.Generator/Report/BreakingRules.cs`. ");
        text.Append("A renamed property shows as removed and added.\n\n");
        text.Append($"- Hub: {Versions(oldRelease["hub"], newRelease["hub"])}\n");
        text.Append($"- Authup: {Versions(oldRelease["authup"], newRelease["authup"])}\n\n");
        text.Append("| Service | Changes | Breaking |\n|---|---|---|\n");
        foreach (var diff in diffs) text.Append($"| {diff.Service} | {(diff.Old is null ? "first import" : diff.Changes.Count)} | {diff.BreakingCount} |\n");

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
                text.Append("No changes to operations or schemas.\n");
                continue;
            }
            Section(text, "Breaking changes", diff.Changes.Where(c => c.Breaking).ToList());
            Section(text, "Other changes", diff.Changes.Where(c => !c.Breaking).ToList());
        }
        return text.ToString();
    }

    private static void Section(StringBuilder text, string title, IReadOnlyList<SpecChange> changes)
    {
        text.Append($"### {title}\n\n");
        if (changes.Count == 0)
        {
            text.Append("None.\n\n");
            return;
        }
        foreach (var area in Enum.GetValues<ChangeArea>())
        {
            var inArea = changes.Where(c => c.Area == area).ToList();
            if (inArea.Count == 0) continue;
            text.Append($"#### {area}\n\n");
            foreach (var change in inArea.OrderBy(c => c.Subject, StringComparer.Ordinal))
            {
                text.Append($"- `{change.Subject}` {change.Text}{(change.Why is { } why ? $" *({why})*" : "")}\n");
            }
            text.Append('\n');
        }
    }

    private static string Versions(JsonNode? old, JsonNode? @new) => Versions(old?.ToString(), @new?.ToString());

    private static string Versions(string? old, string? @new) =>
        old == @new ? $"{@new ?? "unknown"} (unchanged)" : $"{old ?? "none"} → {@new ?? "unknown"}";
}
