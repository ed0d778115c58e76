using System.Reflection;
using System.Text.Json.Nodes;
using FlameHub.Auth;
using FlameHub.Core;
using FlameHub.Storage;

namespace FlameHub.Generated.Tests;

/// <summary>Every operation of the imported documents became a public client method, but those the release's quirks exclude, each with its reason.</summary>
public class GeneratedOperationsTests
{
    private static readonly string[] HttpMethods = ["get", "put", "post", "delete", "patch", "head", "options"];

    private static IEnumerable<TestCaseData> Services()
    {
        yield return new TestCaseData("auth", typeof(AuthClient)).SetName("auth");
        yield return new TestCaseData("core", typeof(CoreClient)).SetName("core");
        yield return new TestCaseData("storage", typeof(StorageClient)).SetName("storage");
    }

    [TestCaseSource(nameof(Services))]
    public void Generated_operations_are_the_imported_documents_minus_the_excluded_ones(string service, Type client)
    {
        var imported = ImportedOperations(service);
        var excluded = QuirkData.ExcludedOperations(service);

        var generated = GeneratedOperations(client);

        Assert.That(generated, Is.Unique);
        Assert.That(excluded.Keys, Is.SubsetOf(imported), "an exclusion names an operation the document serves");
        Assert.That(generated, Is.EquivalentTo(imported.Except(excluded.Keys)));
    }

    [TestCaseSource(nameof(Services))]
    public void Operation_counts_are_the_documents_minus_what_the_quirks_exclude_and_why(string service, Type client)
    {
        var imported = ImportedOperations(service).Count;
        var excluded = QuirkData.ExcludedOperations(service);

        TestContext.Out.WriteLine($"{service}: {imported} operations in the document, {excluded.Count} excluded, {imported - excluded.Count} generated");
        foreach (var (operation, reason) in excluded) TestContext.Out.WriteLine($"  excluded {operation}: {reason}");

        Assert.That(excluded.Values, Has.All.Length.GreaterThan(20), "every exclusion says why");
        Assert.That(GeneratedOperations(client), Has.Count.EqualTo(imported - excluded.Count));
    }

    [Test]
    public void The_Hub_0_8_13_exclusions_are_the_operations_no_API_client_can_use()
    {
        Assert.That(QuirkData.ExcludedOperations("auth").Keys, Is.EquivalentTo(new[] { "POST authorize", "GET jwks" }));
        Assert.That(QuirkData.ExcludedOperations("core").Keys, Is.EquivalentTo(new[] { "POST services/{id}/hook", "DELETE master-image-event-logs/{id}" }));
        Assert.That(QuirkData.ExcludedOperations("storage"), Is.Empty);
        Assert.That(typeof(IAuthClient).GetMethod("AuthorizeAsync"), Is.Null);
        Assert.That(typeof(ICoreClient).GetMethod("HandleServiceHookAsync"), Is.Null);
    }

    private static List<string> ImportedOperations(string service)
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Specs, service + ".json")))!;
        return document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Where(m => HttpMethods.Contains(m.Key)).Select(m => $"{m.Key.ToUpperInvariant()} {p.Key.TrimStart('/')}"))
            .ToList();
    }

    private static List<string> GeneratedOperations(Type client) =>
        client.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Select(m => m.GetCustomAttribute<HubOperationAttribute>())
            .OfType<HubOperationAttribute>()
            .Select(a => $"{a.Method} {a.Path}")
            .ToList();

    [Test]
    public void Core_uses_the_auth_types_for_authup_entities()
    {
        Assert.That(typeof(CoreClient).Assembly.GetType("FlameHub.Core.User"), Is.Null);
        Assert.That(typeof(CoreClient).Assembly.GetType("FlameHub.Auth.User"), Is.Not.Null);
        Assert.That(typeof(AnalysisPermission).GetProperty("Policy")?.PropertyType, Is.EqualTo(typeof(Policy)));
    }

    [Test]
    public void Each_shared_runtime_type_is_defined_once()
    {
        var types = typeof(CoreClient).Assembly.GetTypes().Where(t => t.Name == nameof(ListMeta)).ToList();
        Assert.That(types, Is.EqualTo(new[] { typeof(ListMeta) }));
        Assert.That(typeof(HubList<Node>).GetProperty("Meta")!.PropertyType, Is.EqualTo(typeof(ListMeta)));
    }
}
