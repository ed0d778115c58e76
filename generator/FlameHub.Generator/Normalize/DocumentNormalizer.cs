using System.Text.Json.Nodes;
using FlameHub.Generator.Import;
using FlameHub.Generator.Rules;

namespace FlameHub.Generator.Normalize;

/// <summary>
/// <c>normalize</c>: the imported documents → OpenAPI 3.0 with the Hub's conventions applied,
/// ready for NSwag. Steps: convert, name the schemas by their roles, apply the release's quirks
/// (which name schemas by those role names), apply the rules, sort.
/// </summary>
public sealed class DocumentNormalizer(QuirksCatalog quirks)
{
    /// <summary>The conventions, in the order they build on each other.</summary>
    public static IReadOnlyList<INormalizationRule> Rules { get; } =
    [
        new ExcludedOperationRule(),
        new PathParameterRule(),
        new BodylessReadRule(),
        new NullableRule(),
        new ObjectCompositionRule(),
        new EntityAliasRule(),
        new SingleRecordEnvelopeRule(),
        new NullAnswerRule(),
        new InlineEnumRule(),
        new UuidRule(),
        new RelationRule(),
        new OperationNamingRule(),
        new ResourceIdRule(),
        new StatusCodeRule(),
        new ListEnvelopeRule(),
        new StorageTransferRule(),
        new QueryParameterRule(),
        new FieldSelectionRule(),
        new RequestBodyRule(),
        new TokenEndpointRule(),
        new InlineSchemaNamingRule(),
        new SecurityRule(),
        new TimestampRule(),
        new SharedSchemaRule(),
        new UnusedSchemaRule(),
        new SchemaNamingRule(),
    ];

    public async Task<IReadOnlyDictionary<string, JsonObject>> NormalizeAsync(
        IReadOnlyDictionary<string, JsonObject> imported, string hubVersion, CancellationToken cancellationToken)
    {
        var served = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (service, document) in imported)
        {
            served[service] = await SwaggerConverter.ToOpenApi3Async(document, service, cancellationToken);
            MountedCopyRule.Apply(served[service]);
        }
        // Auth first: core and storage take the names of the auth types they repeat.
        var auth = served.TryGetValue(HubService.Auth, out var a) ? (JsonObject)a.DeepClone() : null;
        var authNames = a is null ? null : SchemaRoleNames.Apply(a);
        foreach (var (service, document) in served.Where(s => s.Key != HubService.Auth)) SchemaRoleNames.Apply(document, auth, authNames);

        var normalized = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (service, document) in served.OrderBy(s => s.Key == HubService.Auth ? 0 : 1))
        {
            var working = (JsonObject)document.DeepClone();
            if (quirks.OverlayFor(hubVersion, service, out var overlayPath) is { } overlay)
            {
                Overlay.Apply(working, overlay, overlayPath!);
            }
            var context = new NormalizationContext(service, working, served, normalized);
            foreach (var rule in Rules) rule.Apply(context);
            working["info"]!["title"] = $"FLAME Hub {service}";
            working["info"]!["x-flamehub-hub-release"] = hubVersion;
            normalized[service] = (JsonObject)CanonicalJson.Sort(working)!;
        }
        return normalized;
    }

    /// <summary>Reads <c>specs/</c>: the service documents and the release they came from.</summary>
    public static (IReadOnlyDictionary<string, JsonObject> Documents, string HubVersion) ReadSpecs(string specsDirectory)
    {
        var documents = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var service in HubService.All)
        {
            var path = Path.Combine(specsDirectory, service + ".json");
            if (!File.Exists(path)) throw new GeneratorException($"{path} is missing; run './build.sh import-specs' first.");
            documents[service] = JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                ?? throw new GeneratorException($"{path}: not a JSON object.");
        }
        var releasePath = Path.Combine(specsDirectory, SpecImporter.ReleaseFileName);
        var hub = File.Exists(releasePath) ? JsonNode.Parse(File.ReadAllText(releasePath))?["hub"]?.GetValue<string>() : null;
        return (documents, hub ?? throw new GeneratorException($"{releasePath} names no Hub release; run './build.sh import-specs' again."));
    }
}
