using System.Text.Json.Nodes;
using FlameHub.Generator.Report;

namespace FlameHub.Generator.Import;

/// <summary>
/// <c>import-specs</c>: reads the documents of a Hub's services (Swagger 2.0 or OpenAPI 3.x JSON,
/// or a <c>/docs/</c> page inlining one) and writes them into the folder of their release,
/// <c>specs/hub-{release}/</c>, in canonical form with a record of the release they came from.
/// The release is the one the caller names, else the version core's (or storage's) document
/// reports. Every input is read and checked before anything is written, so a bad input leaves
/// <c>specs/</c> untouched. It also writes the folder's <c>CHANGES.md</c> comparing the new
/// documents with those of the newest release before it, or, for the earliest release, with the
/// ones they replace (see <see cref="ImportReport"/>).
/// </summary>
public sealed class SpecImporter(string specsRoot)
{
    public const string ReleaseFileName = "hub-release.json";
    public const string ReleaseFolderPrefix = "hub-";

    /// <summary>The files whose content changed, and console lines on what changed in the documents.</summary>
    public sealed record Result(IReadOnlyList<string> Written, IReadOnlyList<string> Summary);

    public async Task<Result> ImportAsync(
        IReadOnlyList<string> sources, string? hubVersion, string? authupVersion, CancellationToken cancellationToken)
    {
        if (sources.Count == 0)
        {
            throw new GeneratorException("import-specs: give at least one --from <url-or-file>.");
        }

        var imported = new SortedDictionary<string, (JsonObject Document, string Source)>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            var text = await SpecSource.ReadAsync(source, cancellationToken);
            var document = InlinedSpecExtractor.Extract(text, source);
            var service = HubService.Detect(document, source);
            if (imported.ContainsKey(service))
            {
                throw new GeneratorException($"{source}: a second {service} document; give each service once.");
            }
            imported[service] = (Canonicalize(document), source);
        }

        var hub = hubVersion
            ?? (imported.TryGetValue(HubService.Core, out var core) || imported.TryGetValue(HubService.Storage, out core)
                ? core.Document["info"]?["version"]?.GetValue<string>()
                : null)
            ?? throw new GeneratorException("import-specs: no document names the Hub release; give --hub-version.");
        var specsDirectory = ReleaseFolder(specsRoot, hub);
        var baseline = File.Exists(Path.Combine(specsDirectory, ReleaseFileName)) ? specsDirectory : PreviousReleaseFolder(specsRoot, hub) ?? specsDirectory;
        var release = ReadRelease(baseline);
        if (baseline != specsDirectory && release["documents"] is JsonObject inherited)
        {
            // A new release's record starts from the one before it, but lists only documents it holds.
            foreach (var service in inherited.Select(d => d.Key).Where(s => !imported.ContainsKey(s)).ToList()) inherited.Remove(service);
        }
        // The report compares with the release before this one whenever specs/ has one, so a re-import refreshes it.
        var reportBaseline = PreviousReleaseFolder(specsRoot, hub) ?? specsDirectory;
        var report = new ImportReport(reportBaseline, specsDirectory, reportBaseline == baseline ? release : ReadRelease(reportBaseline), imported.Keys);
        release["hub"] = hub;
        if (imported.TryGetValue(HubService.Auth, out var auth))
        {
            // Authup's document reports "1.0.0" for every 1.0.0 pre-release, so the caller names the exact one.
            release["authup"] = authupVersion ?? auth.Document["info"]?["version"]?.GetValue<string>();
        }
        var documents = release["documents"] as JsonObject ?? new JsonObject();
        foreach (var (service, (document, source)) in imported)
        {
            documents[service] = new JsonObject
            {
                ["info_version"] = document["info"]?["version"]?.GetValue<string>(),
                ["imported_from"] = DescribeSource(source),
                ["operations"] = HubDocumentFacts.CountOperations(document),
            };
        }
        release["documents"] = documents;

        Directory.CreateDirectory(specsDirectory);
        var written = new List<string>();
        foreach (var (service, (document, _)) in imported)
        {
            var path = Path.Combine(specsDirectory, service + ".json");
            if (CanonicalJson.WriteIfChanged(path, CanonicalJson.Write(document))) written.Add(path);
        }
        var releasePath = Path.Combine(specsDirectory, ReleaseFileName);
        if (CanonicalJson.WriteIfChanged(releasePath, CanonicalJson.Write(CanonicalJson.Sort(release)!))) written.Add(releasePath);

        var summary = report.Finish(release, imported.ToDictionary(i => i.Key, i => i.Value.Document), specsChanged: written.Count > 0);
        if (report.Written) written.Add(report.ReportPath);
        return new Result(written, summary);
    }

    /// <summary>Drops what belongs to the machine the document was read from, and sorts keys.</summary>
    internal static JsonObject Canonicalize(JsonObject document)
    {
        var copy = (JsonObject)document.DeepClone();
        copy.Remove("host");
        copy.Remove("servers");
        if (copy["securityDefinitions"] is JsonObject definitions)
        {
            foreach (var (_, definition) in definitions)
            {
                if (definition is JsonObject d && d["tokenUrl"]?.GetValue<string>() is { } tokenUrl
                    && Uri.TryCreate(tokenUrl, UriKind.Absolute, out var uri))
                {
                    d["tokenUrl"] = uri.AbsolutePath;
                }
            }
        }
        return (JsonObject)CanonicalJson.Sort(copy)!;
    }

    /// <summary>The folder of one release's documents: <c>specs/hub-0.14.0</c>.</summary>
    public static string ReleaseFolder(string specsRoot, string hubVersion)
    {
        if (hubVersion.Length == 0 || hubVersion.IndexOfAny([.. Path.GetInvalidFileNameChars(), '/', '\\']) >= 0 || hubVersion.Contains("..", StringComparison.Ordinal))
        {
            throw new GeneratorException($"import-specs: '{hubVersion}' is not a release version.");
        }
        return Path.Combine(specsRoot, ReleaseFolderPrefix + hubVersion);
    }

    /// <summary>The folder of the newest release below <paramref name="hubVersion"/> that has documents, or null.</summary>
    private static string? PreviousReleaseFolder(string specsRoot, string hubVersion)
    {
        if (!Directory.Exists(specsRoot)) return null;
        var wanted = ReleaseVersion.Parse(hubVersion);
        return Directory.GetDirectories(specsRoot, ReleaseFolderPrefix + "*")
            .Where(d => File.Exists(Path.Combine(d, ReleaseFileName)))
            .Select(d => (Dir: d, Version: ReleaseVersion.TryParse(Path.GetFileName(d)[ReleaseFolderPrefix.Length..])))
            .Where(d => d.Version is not null && d.Version < wanted)
            .OrderByDescending(d => d.Version)
            .Select(d => d.Dir)
            .FirstOrDefault();
    }

    private static JsonObject ReadRelease(string specsDirectory)
    {
        var path = Path.Combine(specsDirectory, ReleaseFileName);
        return File.Exists(path) && JsonNode.Parse(File.ReadAllText(path)) is JsonObject existing ? existing : new JsonObject();
    }

    // A URL is kept as given; of a local file only the name, so the record does not depend on
    // where the maintainer's checkout was.
    private static string DescribeSource(string source) =>
        Uri.TryCreate(source, UriKind.Absolute, out var uri) && uri.Scheme.StartsWith("http", StringComparison.Ordinal)
            ? source
            : Path.GetFileName(source);
}
