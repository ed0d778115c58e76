using System.Reflection;
using System.Text.Json.Nodes;
using FlameHub.Auth;
using FlameHub.Core;
using FlameHub.Storage;

namespace FlameHub.Generated.Tests;

/// <summary>Every operation of the imported documents became a public client method.</summary>
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
    public void Generated_operations_match_the_imported_document(string service, Type client)
    {
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Specs, service + ".json")))!;
        var imported = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Where(m => HttpMethods.Contains(m.Key)).Select(m => $"{m.Key.ToUpperInvariant()} {p.Key.TrimStart('/')}"))
            .ToList();

        var generated = client.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Select(m => m.GetCustomAttribute<HubOperationAttribute>())
            .OfType<HubOperationAttribute>()
            .Select(a => $"{a.Method} {a.Path}")
            .ToList();

        Assert.That(generated, Is.Unique);
        Assert.That(generated, Is.EquivalentTo(imported));
    }

    [TestCase(typeof(AuthClient), 121)]
    [TestCase(typeof(CoreClient), 72)]
    [TestCase(typeof(StorageClient), 11)]
    public void Operation_counts_are_those_of_Hub_0_8_13(Type client, int expected) =>
        Assert.That(client.GetMethods().Count(m => m.GetCustomAttribute<HubOperationAttribute>() is not null), Is.EqualTo(expected));

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
        Assert.That(typeof(NodeList).GetProperty("Meta")!.PropertyType, Is.EqualTo(typeof(ListMeta)));
    }
}
