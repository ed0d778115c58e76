using System.Text.Json.Nodes;
using FlameHub.Generator.Facts;
using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Tests.Facts;

/// <summary>
/// The features decided from the checkout's documents as normalized: 0.8.13 has robots and Basic; a
/// release whose quirks say its core refuses Basic (as 0.14.0's answers 500 "Only Bearer tokens are
/// accepted", exchange 69) and whose auth has no robots has neither.
/// </summary>
[NonParallelizable]
public class ReleaseFactsOfDocumentsTests
{
    private string _dir = null!;

    [SetUp]
    public void Create() => _dir = Directory.CreateTempSubdirectory("flamehub-facts-docs-").FullName;

    [TearDown]
    public void Remove() => Directory.Delete(_dir, recursive: true);

    [Test, CancelAfter(300_000)]
    public async Task The_0_8_13_documents_have_robots_and_Basic()
    {
        var (documents, release) = DocumentNormalizer.ReadSpecs(RepositoryPaths.Specs);
        var normalized = await new DocumentNormalizer(new QuirksCatalog(RepositoryPaths.Quirks)).NormalizeAsync(documents, release, CancellationToken.None);

        Assert.That(FeatureFacts.Of(normalized), Is.EqualTo(new FeatureFacts(Robots: true, BasicAuth: true)));
    }

    [Test, CancelAfter(300_000)]
    public async Task Without_robot_paths_and_with_Basic_refused_by_the_quirks_there_are_neither()
    {
        var (documents, _) = DocumentNormalizer.ReadSpecs(RepositoryPaths.Specs);
        var auth = (JsonObject)documents["auth"].DeepClone();
        var paths = (JsonObject)auth["paths"]!;
        foreach (var path in paths.Select(p => p.Key).Where(p => p.StartsWith("/robot", StringComparison.Ordinal)).ToList()) paths.Remove(path);
        var variant = new Dictionary<string, JsonObject>(documents) { ["auth"] = auth };

        var quirks = Directory.CreateDirectory(Path.Combine(_dir, "hub-0.8.14")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Quirks, "hub-0.8.13"))) File.Copy(file, Path.Combine(quirks, Path.GetFileName(file)));
        // Without robot paths the documents have no Robot type (role naming drops what nothing uses), so neither have its quirks.
        var authOverlay = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(quirks, "auth.overlay.json")))!;
        var actions = (JsonArray)authOverlay["actions"]!;
        foreach (var robotQuirk in actions.Where(a => a!["target"]!.GetValue<string>().Contains(".Robot", StringComparison.Ordinal)).ToList()) actions.Remove(robotQuirk);
        File.WriteAllText(Path.Combine(quirks, "auth.overlay.json"), authOverlay.ToJsonString());
        foreach (var service in new[] { "core", "storage" })
        {
            var overlay = (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(quirks, service + ".overlay.json")))!;
            ((JsonArray)overlay["actions"]!).Add(new JsonObject
            {
                ["description"] = "The Hub answers Basic credentials with 500 'Only Bearer tokens are accepted'.",
                ["target"] = "$.info",
                ["update"] = new JsonObject { ["x-flamehub-basic-auth"] = false },
            });
            File.WriteAllText(Path.Combine(quirks, service + ".overlay.json"), overlay.ToJsonString());
        }

        var normalized = await new DocumentNormalizer(new QuirksCatalog(_dir)).NormalizeAsync(variant, "0.8.14", CancellationToken.None);

        Assert.That(FeatureFacts.Of(normalized), Is.EqualTo(new FeatureFacts(Robots: false, BasicAuth: false)));
        Assert.That(normalized["core"]["components"]!["securitySchemes"]!.AsObject().Select(s => s.Key), Is.EqualTo(new[] { "bearer" }));
        Assert.That(normalized["core"]["security"]!.ToJsonString(), Is.EqualTo("""[{"bearer":[]}]"""));
    }
}
