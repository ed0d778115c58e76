using System.Text.Json.Nodes;
using FlameHub.Generator.Normalize;
using FlameHub.Generator.Rules;
using FlameHub.Generator.Tests.Normalize;

namespace FlameHub.Generator.Tests.Readiness;

/// <summary>
/// The camelCase, enveloped variant of core's document normalizes to today's document with
/// only the field names respelled and the envelopes marked: every rule found the same ids,
/// relations, includes, bodies and required fields by the same rule.
/// </summary>
public class VariantNormalizationTests
{
    private string _work = null!;

    [SetUp]
    public void CreateWork() => _work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "flamehub-variant-" + Guid.NewGuid().ToString("N"))).FullName;

    [TearDown]
    public void RemoveWork() => Directory.Delete(_work, recursive: true);

    [Test]
    public async Task The_variant_is_todays_core_with_other_names_and_marked_envelopes()
    {
        var (specs, quirks) = await CamelCaseVariant.WriteAsync(_work);
        var (served, hub) = DocumentNormalizer.ReadSpecs(specs);
        var variant = (await new DocumentNormalizer(new QuirksCatalog(quirks)).NormalizeAsync(served, hub, CancellationToken.None))["core"];
        var today = (JsonObject)(await NormalizedSpecs.GetAsync())["core"].DeepClone();

        var enveloped = OpenApiJson.Operations(variant)
            .Where(o => o.Node[SingleRecordEnvelopeRule.Extension]?.GetValue<string>() == "data" && o.Node.Remove(SingleRecordEnvelopeRule.Extension))
            .Select(o => o.OperationId).ToList();
        Assert.That(enveloped, Is.SupersetOf(new[] { "createNode", "getNode", "updateNode", "deleteNode" }));
        Assert.That(enveloped, Has.None.StartsWith("list"));

        // Core's copies of Authup's types stay snake_case in auth, so they are no longer shared, and
        // the role names call them after their owners (AnalysisPermission.policy → AnalysisPermissionPolicy).
        var sharedToday = SharedSchemaRule.SharedOf(today);
        foreach (var document in new[] { variant, today })
        {
            document.Remove(SharedSchemaRule.Extension);
            document["info"]!.AsObject().Remove("x-flamehub-hub-release");
        }
        var respelled = (JsonObject)Snake(variant);
        // Matched by content with references left out (they hold each other, in circles: permission, client, user);
        // the whole document compared below then proves every reference too.
        var ownNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in OpenApiJson.Schemas(respelled).Select(s => s.Key).Where(n => !OpenApiJson.Schemas(today).ContainsKey(n)))
        {
            var twin = sharedToday.Where(t => JsonNode.DeepEquals(WithoutReferences(OpenApiJson.Schemas(today)[t]), WithoutReferences(OpenApiJson.Schemas(respelled)[name]))).ToList();
            Assert.That(twin, Has.Count.EqualTo(1), $"{name}: the variant's own copy of one of auth's types");
            ownNames[name] = twin[0];
        }
        Assert.That(ownNames.Values, Is.SupersetOf(new[] { "Realm", "Permission", "Policy" }));
        SchemaReferences.RenameSchemas(respelled, ownNames);
        Assert.That(JsonNode.DeepEquals(respelled, today), Is.True, "the variant, respelled in snake_case, differs from today's core");
    }

    private static JsonNode WithoutReferences(JsonNode? schema)
    {
        var copy = schema!.DeepClone();
        foreach (var node in OpenApiJson.Descendants(copy).OfType<JsonObject>().Where(n => n.ContainsKey("$ref"))) node["$ref"] = "";
        return copy;
    }

    /// <summary>The document with every field name (property keys, required, includes) in snake_case.</summary>
    private static JsonNode Snake(JsonObject document)
    {
        var copy = document.DeepClone();
        foreach (var node in OpenApiJson.Descendants(copy).OfType<JsonObject>().ToList())
        {
            if (node["properties"] is JsonObject properties)
            {
                var entries = properties.ToList();
                properties.Clear();
                foreach (var (name, value) in entries) properties[SnakeName(name)] = value;
            }
            foreach (var key in new[] { "required", QueryParameterRule.IncludesExtension, RequestBodyRule.CreateRequiredExtension })
            {
                if (node[key] is JsonArray names) node[key] = new JsonArray(names.Select(n => (JsonNode)SnakeName(n!.GetValue<string>())).ToArray());
            }
        }
        return copy;
    }

    private static string SnakeName(string name) => Words.Spell(Words.Split(name), FieldStyle.Snake);
}
