using System.Text.Json.Nodes;
using FlameHub.Generator.Report;

namespace FlameHub.Generator.Import;

/// <summary>
/// <c>import-specs</c>: reads the documents of a Hub's services and writes them into
/// <c>specs/</c> in canonical form with a record of the release they came from. Every input is
/// read and checked before anything is written, so a bad input leaves <c>specs/</c> untouched.
/// When the import changes <c>specs/</c>, it also writes <c>specs/CHANGES.md</c> comparing the
/// new documents with the ones they replace.
/// </summary>
public sealed class SpecImporter(string specsDirectory)
{
    public const string ReleaseFileName = "hub-release.json";

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

        var release = ReadRelease();
        var report = new ImportReport(specsDirectory, release, imported.Keys);
        if (imported.TryGetValue(HubService.Core, out var core) || imported.TryGetValue(HubService.Storage, out core))
        {
            release["hub"] = hubVersion ?? core.Document["info"]?["version"]?.GetValue<string>();
        }
        else if (hubVersion is not null)
        {
            release["hub"] = hubVersion;
        }
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

        var written = new List<string>();
        foreach (var (service, (document, _)) in imported)
        {
            var path = Path.Combine(specsDirectory, service + ".json");
            if (CanonicalJson.WriteIfChanged(path, CanonicalJson.Write(document))) written.Add(path);
        }
        var releasePath = Path.Combine(specsDirectory, ReleaseFileName);
        if (CanonicalJson.WriteIfChanged(releasePath, CanonicalJson.Write(CanonicalJson.Sort(release)!))) written.Add(releasePath);

        var summary = report.Finish(release, imported.ToDictionary(i => i.Key, i => i.Value.Document), specsChanged: written.Count > 0);
        if (written.Count > 0) written.Add(report.ReportPath);
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

    private JsonObject ReadRelease()
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
