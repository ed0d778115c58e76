using System.Text.Json.Nodes;

namespace FlameHub.Generator.Report;

/// <summary>
/// What changed in one service between the document in <c>specs/</c> and the one replacing it.
/// Compares the Swagger 2.0 documents as stored; order of keys, properties and parameters does
/// not count, nor do descriptions. <see cref="Old"/> is null on a service's first import.
/// </summary>
public sealed record SpecDiff(string Service, JsonObject? Old, JsonObject New, IReadOnlyList<SpecChange> Changes)
{
    public static SpecDiff Compare(string service, JsonObject? old, JsonObject @new)
    {
        var changes = new ChangeList();
        if (old is not null)
        {
            OperationDiff.Compare(old, @new, changes);
            DefinitionDiff.Compare(old, @new, changes);
        }
        return new SpecDiff(service, old, @new, changes.Changes);
    }

    public int BreakingCount => Changes.Count(c => c.Breaking);

    public string? OldVersion => Old?["info"]?["version"]?.ToString();

    public string? NewVersion => New["info"]?["version"]?.ToString();

    /// <summary>One line for the console: <c>core: 9 changes, 4 breaking</c>.</summary>
    public string Summary() => Old is null
        ? $"{Service}: first import ({HubDocumentFacts.CountOperations(New)} operations)"
        : Changes.Count == 0
            ? $"{Service}: no changes"
            : $"{Service}: {Changes.Count} change{(Changes.Count == 1 ? "" : "s")}, {BreakingCount} breaking";
}
