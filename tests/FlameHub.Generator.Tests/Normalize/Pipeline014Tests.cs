using System.Text.Json.Nodes;
using FlameHub.Generator.Normalize;
using FlameHub.Generator.Rules;
using static FlameHub.Generator.Tests.Rules.RuleTestKit;

namespace FlameHub.Generator.Tests.Normalize;

/// <summary>What the whole pipeline makes of the Hub 0.14.0 documents in specs/hub-0.14.0.</summary>
public class Pipeline014Tests
{
    private static readonly Lazy<Task<IReadOnlyDictionary<string, JsonObject>>> Documents = new(async () =>
    {
        var (served, hub) = DocumentNormalizer.ReadSpecs(RepositoryPaths.SpecsOf("0.14.0"));
        return await new DocumentNormalizer(new QuirksCatalog(RepositoryPaths.Quirks)).NormalizeAsync(served, hub, CancellationToken.None);
    });

    [TestCase("auth", 220, 69)]
    [TestCase("core", 71, 1)]
    [TestCase("storage", 12, 0)]
    public async Task Every_operation_survives_with_a_unique_name_unless_excluded_with_a_reason(string service, int served, int excluded)
    {
        var document = (await Documents.Value)[service];
        var exclusions = ExcludedOperationRule.ExcludedOf(document);
        var operations = OpenApiJson.Operations(document).ToList();

        Assert.That(HubDocumentFacts.CountOperations(DocumentNormalizer.ReadSpecs(RepositoryPaths.SpecsOf("0.14.0")).Documents[service]), Is.EqualTo(served));
        Assert.That(exclusions, Has.Count.EqualTo(excluded));
        Assert.That(exclusions.Select(e => e.Reason), Has.All.Length.GreaterThan(20));
        Assert.That(operations, Has.Count.EqualTo(served - excluded));
        Assert.That(operations.Select(o => o.OperationId), Is.Unique.And.All.Match("^[a-z][A-Za-z]+$"));
    }

    [Test]
    public async Task The_realm_mounted_copies_of_Authup_are_excluded_as_repeats()
    {
        var exclusions = ExcludedOperationRule.ExcludedOf((await Documents.Value)["auth"]);

        var mounted = exclusions.Where(e => e.Operation.Contains("/realms/{realmId}/", StringComparison.Ordinal)).ToList();
        Assert.That(mounted, Has.Count.EqualTo(59));
        Assert.That(mounted.Single(e => e.Operation == "GET /realms/{realmId}/users").Reason, Does.StartWith("repeats GET /users"));
    }

    [Test]
    public async Task Lists_and_records_are_unwrapped_to_the_entity()
    {
        var core = (await Documents.Value)["core"];

        var list = core.Operation("/nodes", "get");
        Assert.That(list.Text("x-flamehub-envelope"), Is.EqualTo("list"));
        Assert.That(list.Text("x-flamehub-entity-schema"), Is.EqualTo("Node"));
        Assert.That(list.Text("responses.200.content.application/json.schema.items.$ref"), Is.EqualTo("#/components/schemas/Node"));
        var get = core.Operation("/nodes/{id}", "get");
        Assert.That(get.Text("x-flamehub-envelope"), Is.EqualTo("data"));
        Assert.That(get.Text("responses.200.content.application/json.schema.$ref"), Is.EqualTo("#/components/schemas/Node"));
        Assert.That(core.Operation("/nodes", "post").Text("requestBody.content.application/json.schema.$ref"), Is.EqualTo("#/components/schemas/CreateNode"));
        Assert.That(core.Operation("/nodes/{id}", "post").Text("requestBody.content.application/json.schema.$ref"), Is.EqualTo("#/components/schemas/UpdateNode"));
    }

    [Test]
    public async Task Wire_names_are_camelCase_and_relations_includable()
    {
        var node = (await Documents.Value)["core"].Schema("Node");

        Assert.That(node.Keys("properties"), Is.SupersetOf(new[] { "realmId", "externalName", "registryId", "createdAt" }));
        Assert.That(node.Text("properties.realmId.format"), Is.EqualTo("uuid"));
        Assert.That(node.Text("properties.createdAt.format"), Is.EqualTo("date-time"));
        Assert.That(RelationRule.RelationsOf(node), Is.EquivalentTo(new[] { "registry", "registryProject" }));
    }

    [Test]
    public async Task The_new_action_words_read_as_methods()
    {
        var ids = OpenApiJson.Operations((await Documents.Value)["core"]).Select(o => o.OperationId).ToList();

        Assert.That(ids, Is.SupersetOf(new[]
        {
            "getAnalysisClientCredentials", "setAnalysisClientCredentials", "getNodeRegistryCredentials",
            "runMasterImageCommand", "runServiceCommand", "runAnalysisCommand", "addAnalysisClientPermission",
        }));
    }

    [Test]
    public async Task Core_offers_no_Basic_credentials_and_storage_answers_uploads_with_bucket_files()
    {
        var docs = await Documents.Value;

        Assert.That(docs["core"].Keys("components.securitySchemes"), Is.EqualTo(new[] { "bearer" }), "exchange 69");
        var upload = docs["storage"].Operation("/buckets/{id}/upload", "post");
        Assert.That(upload.Text("x-flamehub-item-schema"), Is.EqualTo("BucketFile"));
    }
}
