using System.Text.Json.Nodes;

namespace FlameHub.Generator.Report;

/// <summary>
/// The report of one import, <c>CHANGES.md</c> in the release's folder. It compares the imported
/// documents with those of the newest release before this one when <c>specs/</c> has one; the
/// report is then a function of the two folders and is rewritten whenever it would read
/// differently, even if the documents did not change (a re-import refreshes it). Without an
/// earlier release it compares with what the folder held before the import, and is written only
/// if the import changed a file there (or the folder has no report yet: then against nothing), so
/// a repeat leaves the report of the last change in place.
/// </summary>
public sealed class ImportReport
{
    private readonly string _specsDirectory;
    private JsonObject _oldRelease;
    private string _baselineName;
    private readonly string _baselineDirectory;
    private readonly bool _baselineIsEarlierRelease;
    private readonly Dictionary<string, JsonObject?> _oldDocuments = new(StringComparer.Ordinal);

    public ImportReport(string baselineDirectory, string specsDirectory, JsonObject oldRelease, IEnumerable<string> services)
    {
        _specsDirectory = specsDirectory;
        _oldRelease = (JsonObject)oldRelease.DeepClone();
        _baselineDirectory = baselineDirectory;
        _baselineIsEarlierRelease = Path.GetFullPath(baselineDirectory) != Path.GetFullPath(specsDirectory);
        _baselineName = BaselineName(baselineDirectory, _baselineIsEarlierRelease);
        foreach (var service in services)
        {
            var path = Path.Combine(baselineDirectory, service + ".json");
            _oldDocuments[service] = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) as JsonObject : null;
        }
    }

    /// <summary>
    /// The report of the release in <paramref name="specsDirectory"/> against the earlier one in
    /// <paramref name="baselineDirectory"/>, from the files in the two folders: what an import of
    /// that release writes.
    /// </summary>
    public static string Render(string baselineDirectory, string specsDirectory, IEnumerable<string> services)
    {
        var diffs = services.Order(StringComparer.Ordinal)
            .Where(s => File.Exists(Path.Combine(specsDirectory, s + ".json")))
            .Select(s => SpecDiff.Compare(s, Read(Path.Combine(baselineDirectory, s + ".json")), Read(Path.Combine(specsDirectory, s + ".json"))!))
            .ToList();
        return ChangesMarkdown.Write(Read(Path.Combine(baselineDirectory, SpecImporterReleaseFile)) ?? [],
            Read(Path.Combine(specsDirectory, SpecImporterReleaseFile)) ?? [], diffs, BaselineName(baselineDirectory, earlierRelease: true));
    }

    private const string SpecImporterReleaseFile = Import.SpecImporter.ReleaseFileName;

    private static JsonObject? Read(string path) => File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) as JsonObject : null;

    private static string BaselineName(string baselineDirectory, bool earlierRelease) => earlierRelease
        ? $"those of the release before it, `specs/{Path.GetFileName(Path.TrimEndingDirectorySeparator(baselineDirectory))}/`"
        : "the ones they replaced in this folder";

    public string ReportPath => Path.Combine(_specsDirectory, ChangesMarkdown.FileName);

    /// <summary>Whether <see cref="Finish"/> wrote the report.</summary>
    public bool Written { get; private set; }

    /// <summary>Compares, writes the report if due (see the class), and returns the console lines.</summary>
    public IReadOnlyList<string> Finish(JsonObject newRelease, IReadOnlyDictionary<string, JsonObject> newDocuments, bool specsChanged)
    {
        // The earliest release's folder gets its report once: against nothing, all of it is new.
        var firstReport = !_baselineIsEarlierRelease && !File.Exists(ReportPath);
        if (!specsChanged && !_baselineIsEarlierRelease && !firstReport) return ["no changes; specs/ is as it was"];
        if (firstReport && !specsChanged)
        {
            foreach (var service in _oldDocuments.Keys.ToList()) _oldDocuments[service] = null;
            _oldRelease = [];
            _baselineName = "nothing: the first release in `specs/`";
        }
        var documents = new SortedDictionary<string, JsonObject>(newDocuments.ToDictionary(), StringComparer.Ordinal);
        if (_baselineIsEarlierRelease)
        {
            // The report covers the whole release, also the services this import left as they were.
            foreach (var service in Import.HubService.All.Where(s => !documents.ContainsKey(s)))
            {
                var path = Path.Combine(_specsDirectory, service + ".json");
                var baseline = Path.Combine(_baselineDirectory, service + ".json");
                if (!File.Exists(path) || !File.Exists(baseline) || JsonNode.Parse(File.ReadAllText(path)) is not JsonObject stored) continue;
                documents[service] = stored;
                _oldDocuments[service] = JsonNode.Parse(File.ReadAllText(baseline)) as JsonObject;
            }
        }
        var diffs = documents.Select(d => SpecDiff.Compare(d.Key, _oldDocuments.GetValueOrDefault(d.Key), d.Value)).ToList();
        Written = CanonicalJson.WriteIfChanged(ReportPath, ChangesMarkdown.Write(_oldRelease, newRelease, diffs, _baselineName));
        if (!specsChanged && !Written) return ["no changes; specs/ is as it was"];

        var lines = diffs.Select(d => d.Summary()).ToList();
        lines.Add($"{diffs.Sum(d => d.Changes.Count)} changes, {diffs.Sum(d => d.BreakingCount)} breaking; see {ReportPath}");
        return lines;
    }
}
