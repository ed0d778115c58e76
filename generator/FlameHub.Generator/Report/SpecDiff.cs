using System.Text.Json.Nodes;

namespace FlameHub.Generator.Report;

/// <summary>
/// What changed in one service between two releases' documents, compared as
/// <see cref="ApiModel"/>s: order, descriptions, schema names and operation ids do not count.
/// <see cref="Old"/> is null on a service's first import.
/// </summary>
public sealed record SpecDiff(string Service, JsonObject? Old, JsonObject New, IReadOnlyList<SpecChange> Changes)
{
    public static SpecDiff Compare(string service, JsonObject? old, JsonObject @new) =>
        new(service, old, @new, old is null ? [] : ApiComparer.Compare(ApiModelReader.Read(service, old), ApiModelReader.Read(service, @new)));

    public int BreakingCount => Changes.Count(c => c.Breaking);

    public int Count(ChangeSection section) => Changes.Count(c => c.Section == section);

    public string? OldVersion => Old?["info"]?["version"]?.ToString();

    public string? NewVersion => New["info"]?["version"]?.ToString();

    /// <summary>One line for the console: <c>core: 9 changes, 4 breaking</c>.</summary>
    public string Summary() => Old is null
        ? $"{Service}: first import ({HubDocumentFacts.CountOperations(New)} operations)"
        : Changes.Count == 0
            ? $"{Service}: no changes"
            : $"{Service}: {Changes.Count} change{(Changes.Count == 1 ? "" : "s")}, {BreakingCount} breaking";
}
