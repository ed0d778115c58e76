using System.Text.Json.Nodes;
using FlameHub.Generator.Import;

namespace FlameHub.Generator.Tests.Import;

public class SpecImporterTests
{
    private static readonly string DocsPage = Path.Combine(AppContext.BaseDirectory, "Fixtures", "storage-docs.html");
    private string _specs = null!;

    [SetUp]
    public void CreateSpecsFolder()
    {
        _specs = Path.Combine(Path.GetTempPath(), "flamehub-import-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_specs);
    }

    [TearDown]
    public void RemoveSpecsFolder() => Directory.Delete(_specs, recursive: true);

    private string Release(string file, string release = "0.8.13") => Path.Combine(_specs, "hub-" + release, file);

    [Test]
    public async Task Imports_the_document_inlined_in_a_docs_page()
    {
        await new SpecImporter(_specs).ImportAsync([DocsPage], null, null, CancellationToken.None);

        var storage = JsonNode.Parse(File.ReadAllText(Release("storage.json")))!.AsObject();
        Assert.That(storage["swagger"]!.GetValue<string>(), Is.EqualTo("2.0"));
        Assert.That(storage["paths"]!.AsObject().Count, Is.EqualTo(7));
        Assert.That(storage.ContainsKey("host"), Is.False, "the host of the machine it was read from is dropped");
        var release = JsonNode.Parse(File.ReadAllText(Release("hub-release.json")))!;
        Assert.That(release["hub"]!.GetValue<string>(), Is.EqualTo("0.8.13"));
        Assert.That(release["documents"]!["storage"]!["operations"]!.GetValue<int>(), Is.EqualTo(11));
        Assert.That(release["documents"]!["storage"]!["imported_from"]!.GetValue<string>(), Is.EqualTo("storage-docs.html"));
    }

    [Test]
    public async Task A_first_import_reports_no_comparison_and_a_repeat_writes_nothing()
    {
        var first = await new SpecImporter(_specs).ImportAsync([DocsPage], null, null, CancellationToken.None);
        Assert.That(first.Summary[0], Is.EqualTo("storage: first import (11 operations)"));
        Assert.That(File.ReadAllText(Release("CHANGES.md")), Does.Contain("First import (11 operations); nothing to compare."));

        var again = await new SpecImporter(_specs).ImportAsync([DocsPage], null, null, CancellationToken.None);
        Assert.That(again.Written, Is.Empty);
        Assert.That(again.Summary, Is.EqualTo(new[] { "no changes; specs/ is as it was" }));
    }

    [Test]
    public async Task Import_is_canonical_whatever_the_key_order_of_the_input()
    {
        await new SpecImporter(_specs).ImportAsync([DocsPage], null, null, CancellationToken.None);
        var first = File.ReadAllText(Release("storage.json"));

        var reordered = Path.Combine(_specs, "reordered.json");
        var original = JsonNode.Parse(first)!.AsObject();
        var reversed = new JsonObject(original.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        File.WriteAllText(reordered, reversed.ToJsonString());
        await new SpecImporter(_specs).ImportAsync([reordered], null, null, CancellationToken.None);

        Assert.That(File.ReadAllText(Release("storage.json")), Is.EqualTo(first));
        Assert.That(first, Does.EndWith("}\n").And.Contain("\n  \"definitions\": {"));
    }

    [Test]
    public async Task Records_the_authup_release_the_caller_names()
    {
        var auth = Path.Combine(_specs, "auth-input.json");
        File.WriteAllText(auth, """{"swagger":"2.0","info":{"version":"1.0.0"},"paths":{"/token":{}}}""");

        await new SpecImporter(_specs).ImportAsync([auth], "0.8.13", "1.0.0-beta.26", CancellationToken.None);

        var release = JsonNode.Parse(File.ReadAllText(Release("hub-release.json")))!;
        Assert.That(release["authup"]!.GetValue<string>(), Is.EqualTo("1.0.0-beta.26"));
        Assert.That(release["hub"]!.GetValue<string>(), Is.EqualTo("0.8.13"));
    }

    [Test]
    public async Task Imports_OpenAPI_3_1_documents_into_the_folder_of_their_release()
    {
        var core = Path.Combine(_specs, "core-input.json");
        File.WriteAllText(core, """{"openapi":"3.1.0","info":{"version":"0.14.0"},"servers":[{"url":"http://127.0.0.1:3000"}],"paths":{"/nodes":{"get":{}}}}""");
        var auth = Path.Combine(_specs, "auth-input.json");
        File.WriteAllText(auth, """{"openapi":"3.1.0","info":{"version":"1.0.0-beta.62"},"paths":{"/token":{"post":{}}}}""");

        var result = await new SpecImporter(_specs).ImportAsync([core, auth], null, null, CancellationToken.None);

        Assert.That(result.Written.Select(p => Path.GetRelativePath(_specs, p)), Is.SupersetOf(new[]
        {
            Path.Combine("hub-0.14.0", "core.json"), Path.Combine("hub-0.14.0", "auth.json"), Path.Combine("hub-0.14.0", "hub-release.json"),
        }));
        var stored = JsonNode.Parse(File.ReadAllText(Release("core.json", "0.14.0")))!.AsObject();
        Assert.That(stored["openapi"]!.GetValue<string>(), Is.EqualTo("3.1.0"));
        Assert.That(stored.ContainsKey("servers"), Is.False, "the server it was read from is dropped");
        var release = JsonNode.Parse(File.ReadAllText(Release("hub-release.json", "0.14.0")))!;
        Assert.That(release["hub"]!.GetValue<string>(), Is.EqualTo("0.14.0"));
        Assert.That(release["authup"]!.GetValue<string>(), Is.EqualTo("1.0.0-beta.62"));
    }

    [Test]
    public async Task A_new_release_leaves_the_folder_of_the_one_before_untouched()
    {
        await new SpecImporter(_specs).ImportAsync([DocsPage], null, null, CancellationToken.None);
        var before = File.ReadAllText(Release("storage.json"));

        await new SpecImporter(_specs).ImportAsync([DocsPage], "0.9.0", null, CancellationToken.None);

        Assert.That(File.ReadAllText(Release("storage.json")), Is.EqualTo(before));
        Assert.That(File.ReadAllText(Release("storage.json", "0.9.0")), Is.EqualTo(before));
        Assert.That(JsonNode.Parse(File.ReadAllText(Release("hub-release.json", "0.9.0")))!["hub"]!.GetValue<string>(), Is.EqualTo("0.9.0"));
    }

    [Test]
    public void An_auth_document_alone_needs_the_hub_release_named()
    {
        var auth = Path.Combine(_specs, "auth-input.json");
        File.WriteAllText(auth, """{"openapi":"3.1.0","info":{"version":"1.0.0"},"paths":{"/token":{}}}""");

        var error = Assert.ThrowsAsync<GeneratorException>(() => new SpecImporter(_specs).ImportAsync([auth], null, null, CancellationToken.None));

        Assert.That(error!.Message, Does.Contain("give --hub-version"));
        Assert.That(Directory.GetDirectories(_specs), Is.Empty);
    }

    private static IEnumerable<TestCaseData> BadInputs()
    {
        yield return new TestCaseData("notes.txt", "just some text", "neither a JSON document nor a Hub /docs/ HTML page").SetName("plain text");
        yield return new TestCaseData("page.html", "<html><body>Swagger UI</body></html>", "without an inlined \"spec\"").SetName("HTML without a spec");
        yield return new TestCaseData("cut.html", "<html><script>var o = {\"spec\": {\"swagger\": \"2.0\", ", "cut off").SetName("HTML with a cut-off spec");
        yield return new TestCaseData("broken.json", "{\"swagger\": ", "not valid JSON").SetName("broken JSON");
        yield return new TestCaseData("other.json", "{\"name\": \"package\"}", "not a Swagger/OpenAPI document").SetName("JSON that is no OpenAPI document");
        yield return new TestCaseData("future.json", "{\"openapi\": \"4.0.0\", \"paths\": {\"/nodes\": {}}}", "only Swagger 2.0 and OpenAPI 3.0 and 3.1").SetName("an OpenAPI version it cannot read");
        yield return new TestCaseData("petstore.json", "{\"swagger\": \"2.0\", \"paths\": {\"/pets\": {}}}", "not a FLAME Hub").SetName("OpenAPI of another service");
    }

    [TestCaseSource(nameof(BadInputs))]
    public async Task Bad_input_fails_with_one_clear_line_and_leaves_specs_untouched(string fileName, string content, string expected)
    {
        await new SpecImporter(_specs).ImportAsync([DocsPage], null, null, CancellationToken.None);
        var before = Snapshot();
        var bad = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + fileName);
        File.WriteAllText(bad, content);
        try
        {
            var error = Assert.ThrowsAsync<GeneratorException>(() => new SpecImporter(_specs).ImportAsync([DocsPage, bad], null, null, CancellationToken.None));
            Assert.That(error!.Message, Does.StartWith(bad).And.Contain(expected).And.Not.Contain("\n"));
            Assert.That(Snapshot(), Is.EqualTo(before));
        }
        finally
        {
            File.Delete(bad);
        }
    }

    [Test]
    public void An_unreachable_url_fails_with_one_line()
    {
        var error = Assert.ThrowsAsync<GeneratorException>(() =>
            new SpecImporter(_specs).ImportAsync(["http://127.0.0.1:9/docs/"], null, null, CancellationToken.None));
        Assert.That(error!.Message, Does.StartWith("http://127.0.0.1:9/docs/: unreachable").And.Not.Contain("\n"));
        Assert.That(Directory.GetFiles(_specs), Is.Empty);
    }

    [Test]
    public void A_missing_file_fails_with_one_line()
    {
        var error = Assert.ThrowsAsync<GeneratorException>(() =>
            new SpecImporter(_specs).ImportAsync(["/no/such/docs.html"], null, null, CancellationToken.None));
        Assert.That(error!.Message, Is.EqualTo("/no/such/docs.html: no such file."));
    }

    private Dictionary<string, string> Snapshot() =>
        Directory.GetFiles(_specs, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith("input.json", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(_specs, f), File.ReadAllText);
}
