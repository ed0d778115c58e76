using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Tests.Normalize;

/// <summary>
/// Issue 12, point 3: the public names come from paths, verbs and shapes, not from the document
/// generator. Each release's documents (0.8.13's Swagger 2.0 ones too: one naming rule for all
/// releases) with every schema renamed (references followed, the same new
/// name in every service, declared in another order) and every operation id replaced normalize
/// to the very same documents, which are all NSwag reads: same types, members and methods.
/// </summary>
public class ScrambledNamesTests
{
    private const string Release = "0.14.0";

    [TestCase("0.14.0", 1)]
    [TestCase("0.14.0", 2)]
    [TestCase("0.8.13", 1)]
    [TestCase("0.8.13", 2)]
    public async Task Renamed_schemas_and_scrambled_operation_ids_give_the_same_normalized_documents(string release, int seed)
    {
        var (served, hub) = DocumentNormalizer.ReadSpecs(RepositoryPaths.SpecsOf(release));
        var (scrambled, newNames) = Scramble(served, new Random(seed));
        var normalizer = new DocumentNormalizer(new QuirksCatalog(RepositoryPaths.Quirks));

        var expected = await normalizer.NormalizeAsync(served, hub, CancellationToken.None);
        var actual = await normalizer.NormalizeAsync(scrambled, hub, CancellationToken.None);

        foreach (var service in expected.Keys)
        {
            var text = CanonicalJson.Write(actual[service]);
            Assert.That(TypeNames(actual[service]), Is.EqualTo(TypeNames(expected[service])), $"{service}: type names");
            Assert.That(MemberNames(actual[service]), Is.EqualTo(MemberNames(expected[service])), $"{service}: member names");
            Assert.That(OperationIds(actual[service]), Is.EqualTo(OperationIds(expected[service])), $"{service}: method names");
            Assert.That(text, Is.EqualTo(CanonicalJson.Write(expected[service])), $"{service}: the whole normalized document");
            Assert.That(newNames.Where(n => text.Contains(n, StringComparison.Ordinal)), Is.Empty, $"{service}: no scrambled name reaches the output");
        }
    }

    [Test]
    public async Task No_trapi_schema_name_or_operation_id_becomes_a_public_name()
    {
        var (served, hub) = DocumentNormalizer.ReadSpecs(RepositoryPaths.SpecsOf(Release));
        var normalized = await new DocumentNormalizer(new QuirksCatalog(RepositoryPaths.Quirks)).NormalizeAsync(served, hub, CancellationToken.None);

        var types = normalized.Values.SelectMany(TypeNames).ToList();
        Assert.That(types.Where(t => Regex.IsMatch(t, "EntityCollectionResponse|EntityRecordResponse|^Partial|^Pick|^Omit|Payload$")), Is.Empty);
        Assert.That(types, Is.SupersetOf(new[] { "Node", "CreateNode", "UpdateNode", "Analysis", "Bucket", "BucketFile", "Realm", "User", "Client" }));
        // trapi 1 names operations after their handler, so ids repeat (core: 71 operations, 12 ids); none of those is a method name.
        var repeated = served.Values.SelectMany(OpenApiJson.Operations).GroupBy(o => o.OperationId!, StringComparer.Ordinal)
            .Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        Assert.That(repeated, Is.SupersetOf(new[] { "GetMany", "GetOne", "Add", "Edit", "Drop" }));
        Assert.That(normalized.Values.SelectMany(OperationIds).Select(Words.Pascal).Where(repeated.Contains), Is.Empty);
    }

    /// <summary>Every schema a new random name, the same one in every service; every operation id a random word.</summary>
    private static (Dictionary<string, JsonObject> Documents, IReadOnlyCollection<string> NewNames) Scramble(
        IReadOnlyDictionary<string, JsonObject> served, Random random)
    {
        var names = served.Values.SelectMany(d => Definitions(d).Schemas.Select(s => s.Key)).Distinct().Order(StringComparer.Ordinal).ToList();
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names) renames[name] = "Zq" + random.Next(100_000, 999_999) + "x" + renames.Count;
        var result = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (service, document) in served)
        {
            var copy = (JsonObject)document.DeepClone();
            var (schemas, prefix) = Definitions(copy);
            var entries = schemas.Select(s => (s.Key, s.Value)).ToList();
            schemas.Clear();
            foreach (var (name, schema) in entries.OrderBy(_ => random.Next())) schemas[renames[name]] = schema;
            foreach (var node in OpenApiJson.Descendants(copy).OfType<JsonObject>())
            {
                if (node["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith(prefix, StringComparison.Ordinal))
                {
                    node["$ref"] = prefix + renames[reference[prefix.Length..]];
                }
            }
            foreach (var op in OpenApiJson.Operations(copy)) op.OperationId = "op" + random.Next(0, 20);
            result[service] = copy;
        }
        return (result, renames.Values);
    }

    /// <summary>Where a document keeps its schemas: Swagger 2.0's <c>definitions</c> or OpenAPI 3's <c>components.schemas</c>.</summary>
    private static (JsonObject Schemas, string Prefix) Definitions(JsonObject document) =>
        document["swagger"] is not null ? ((JsonObject)document["definitions"]!, "#/definitions/") : (OpenApiJson.Schemas(document), OpenApiJson.SchemaPrefix);

    private static List<string> TypeNames(JsonObject document) => OpenApiJson.Schemas(document).Select(s => s.Key).Order(StringComparer.Ordinal).ToList();

    private static List<string> MemberNames(JsonObject document) =>
        OpenApiJson.Schemas(document)
            .SelectMany(s => (s.Value?["properties"] as JsonObject ?? []).Select(p => s.Key + "." + p.Key)
                .Concat((s.Value?["enum"] as JsonArray ?? []).Select(v => s.Key + "=" + v?.ToJsonString())))
            .Order(StringComparer.Ordinal).ToList();

    private static List<string> OperationIds(JsonObject document) => OpenApiJson.Operations(document).Select(o => o.OperationId!).Order(StringComparer.Ordinal).ToList();
}
