using System.Text.Json.Nodes;

namespace FlameHub.Generator.Report;

/// <summary>
/// The report of one import: reads what the baseline folder holds before the import writes (the
/// release's own folder, or for a new release the newest one before it), and after it writes the
/// release folder's <c>CHANGES.md</c> if the import changed any file there. An import that
/// changes nothing leaves the report of the last bump in place.
/// </summary>
public sealed class ImportReport
{
    private readonly string _specsDirectory;
    private readonly JsonObject _oldRelease;
    private readonly Dictionary<string, JsonObject?> _oldDocuments = new(StringComparer.Ordinal);

    public ImportReport(string baselineDirectory, string specsDirectory, JsonObject oldRelease, IEnumerable<string> services)
    {
        _specsDirectory = specsDirectory;
        _oldRelease = (JsonObject)oldRelease.DeepClone();
        foreach (var service in services)
        {
            var path = Path.Combine(baselineDirectory, service + ".json");
            _oldDocuments[service] = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) as JsonObject : null;
        }
    }

    public string ReportPath => Path.Combine(_specsDirectory, ChangesMarkdown.FileName);

    /// <summary>Compares, writes the report when <paramref name="specsChanged"/>, and returns the console lines.</summary>
    public IReadOnlyList<string> Finish(JsonObject newRelease, IReadOnlyDictionary<string, JsonObject> newDocuments, bool specsChanged)
    {
        var diffs = newDocuments.OrderBy(d => d.Key, StringComparer.Ordinal)
            .Select(d => SpecDiff.Compare(d.Key, _oldDocuments.GetValueOrDefault(d.Key), d.Value)).ToList();
        if (!specsChanged) return ["no changes; specs/ is as it was"];

        var lines = diffs.Select(d => d.Summary()).ToList();
        CanonicalJson.WriteIfChanged(ReportPath, ChangesMarkdown.Write(_oldRelease, newRelease, diffs));
        lines.Add($"{diffs.Sum(d => d.Changes.Count)} changes, {diffs.Sum(d => d.BreakingCount)} breaking; see {ReportPath}");
        return lines;
    }
}
