using System.Text.Json.Nodes;

namespace FlameHub.Generator.Import;

/// <summary>
/// <c>import-specs</c>: reads the documents of a Hub's services and writes them into
/// <c>specs/</c> in canonical form with a record of the release they came from. Every input is
/// read and checked before anything is written, so a bad input leaves <c>specs/</c> untouched.
/// </summary>
public sealed class SpecImporter(string specsDirectory)
{
    public const string ReleaseFileName = "hub-release.json";

    public async Task<IReadOnlyList<string>> ImportAsync(
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
            CanonicalJson.WriteIfChanged(path, CanonicalJson.Write(document));
            written.Add(path);
        }
        var releasePath = Path.Combine(specsDirectory, ReleaseFileName);
        CanonicalJson.WriteIfChanged(releasePath, CanonicalJson.Write(CanonicalJson.Sort(release)!));
        written.Add(releasePath);
        return written;
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
