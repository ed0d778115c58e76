using System.Text.Json.Nodes;
using FlameHub.Generator.Normalize;
using FlameHub.Generator.Rules;

namespace FlameHub.Generator.Tests.Normalize;

/// <summary>What the whole pipeline makes of the Hub 0.8.13 documents in specs/.</summary>
public class PipelineTests
{
    [TestCase("auth", 121, 2)]
    [TestCase("core", 72, 2)]
    [TestCase("storage", 11, 0)]
    public async Task Every_served_operation_survives_with_a_unique_name_unless_excluded(string service, int served, int excluded)
    {
        var document = (await NormalizedSpecs.GetAsync())[service];
        var operations = OpenApiJson.Operations(document).ToList();
        var exclusions = ExcludedOperationRule.ExcludedOf(document);

        Assert.That(HubDocumentFacts.CountOperations(NormalizedSpecs.Served()[service]), Is.EqualTo(served));
        Assert.That(exclusions, Has.Count.EqualTo(excluded));
        Assert.That(exclusions.Select(e => e.Reason), Has.All.Length.GreaterThan(20), "each exclusion says why");
        Assert.That(operations, Has.Count.EqualTo(served - excluded));
        Assert.That(operations.Select(o => o.OperationId), Is.Unique.And.All.Match("^[a-z][A-Za-z]+$"));
    }

    [Test]
    public async Task The_operations_no_API_client_can_use_are_excluded_by_the_quirks()
    {
        var docs = await NormalizedSpecs.GetAsync();

        Assert.That(docs.Values.SelectMany(ExcludedOperationRule.ExcludedOf).Select(e => e.Operation), Is.EquivalentTo(new[]
        {
            "POST /authorize", "GET /jwks", "POST /services/{id}/hook", "DELETE /master-image-event-logs/{id}",
        }));
    }

    [Test]
    public async Task The_quickstart_names_exist()
    {
        var docs = await NormalizedSpecs.GetAsync();
        string[] core = ["listNodes", "getNode", "createNode", "updateNode", "deleteNode", "listAnalyses", "listRegistries", "runAnalysisCommand"];
        string[] storage = ["createBucket", "uploadToBucket", "streamBucketFile", "streamBucket", "getBucket"];
        string[] auth = ["listRealms", "listUsers", "createToken", "replaceRealm"];
        Assert.That(OpenApiJson.Operations(docs["core"]).Select(o => o.OperationId), Is.SupersetOf(core));
        Assert.That(OpenApiJson.Operations(docs["storage"]).Select(o => o.OperationId), Is.SupersetOf(storage));
        Assert.That(OpenApiJson.Operations(docs["auth"]).Select(o => o.OperationId), Is.SupersetOf(auth));
    }

    [Test]
    public async Task Core_reuses_authup_types_instead_of_declaring_its_own()
    {
        var core = (await NormalizedSpecs.GetAsync())["core"];
        Assert.That(core["x-flamehub-shared-schemas"]!.AsArray().Select(n => n!.GetValue<string>()),
            Is.SupersetOf(new[] { "User", "Realm", "Permission", "Policy", "Client" }));
    }

    [Test]
    public async Task Release_quirks_are_applied()
    {
        var node = (await NormalizedSpecs.GetAsync())["core"]["components"]!["schemas"]!["Node"]!;
        Assert.That(node["properties"]!["registry_id"]!["nullable"]?.GetValue<bool>(), Is.True);
        Assert.That(node["properties"]!["registry_id"]!["format"]!.GetValue<string>(), Is.EqualTo("uuid"));
    }

    [Test]
    public async Task Normalizing_twice_gives_the_same_text()
    {
        var once = await NormalizedSpecs.GetAsync();
        var (served, hub) = DocumentNormalizer.ReadSpecs(RepositoryPaths.Specs);
        var twice = await new DocumentNormalizer(new QuirksCatalog(RepositoryPaths.Quirks)).NormalizeAsync(served, hub, CancellationToken.None);
        foreach (var service in once.Keys)
        {
            Assert.That(CanonicalJson.Write(twice[service]), Is.EqualTo(CanonicalJson.Write(once[service])), service);
        }
    }
}
