using System.Text.Json.Nodes;

namespace FlameHub.Generator.Tests.Readiness;

/// <summary>
/// Hub 0.13+ on paper: the same user program (UserCode/Program.cs) is built against the library
/// generated from today's documents and from a camelCase, enveloped variant of core's, and run
/// against a stub answering in the matching style. It compiles, prints the same, and the wire
/// carries each style's names.
/// </summary>
[NonParallelizable]
public class HubReadinessTests
{
    private static readonly Guid NodeId = Guid.Parse("6f1c1a52-1d6b-4a0e-9a39-0c8f0e3e7a11");
    private static readonly Guid RealmId = Guid.Parse("0b5cbb0a-8d1e-4d55-b1c5-9d7a3a0e2f42");

    private string _work = null!;

    [SetUp]
    public void CreateWork() => _work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "flamehub-ready-" + Guid.NewGuid().ToString("N"))).FullName;

    [TearDown]
    public void RemoveWork() => Directory.Delete(_work, recursive: true);

    [TestCase("0.8 snake_case, bare records")]
    [TestCase("0.14 camelCase, enveloped records")]
    public async Task User_code_compiles_and_works_unchanged(string hub)
    {
        var camel = hub.Contains("camelCase", StringComparison.Ordinal);
        Func<string, string> wire = camel ? CamelCaseVariant.Camel : name => name;
        var (specs, quirks) = camel ? await CamelCaseVariant.WriteAsync(_work) : (RepositoryPaths.Specs, RepositoryPaths.Quirks);

        var program = await new ScratchBuild(Path.Combine(_work, "build")).BuildProgramAsync(
            specs, quirks, Path.Combine(AppContext.BaseDirectory, "Readiness", "UserCode", "Program.cs"));
        var release = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(specs, "hub-release.json")))!["hub"]!.GetValue<string>();
        await using var stub = new StubHub(wire, envelope: camel, NodeId, RealmId, release);
        var (exitCode, output, error) = await ProcessRunner.RunAsync("dotnet", [program, stub.BaseUrl.ToString(), RealmId.ToString()]);

        Assert.That(exitCode, Is.Zero, output + error);
        Assert.That(output.ReplaceLineEndings("\n"), Is.EqualTo($"""
            created n in {RealmId}
            got {NodeId} registry reg external null
            found 1 of 1 in {RealmId}
            updated external null at 2025-01-02
            fields {wire("realm_id")} {wire("external_name")}

            """));
        // First the client's release check, then the program's calls.
        Assert.That(stub.Requests.Select(r => r.Request.Split('?')[0]), Is.EqualTo(new[]
        {
            "GET /core/", "POST /core/nodes", $"GET /core/nodes/{NodeId}", "GET /core/nodes", $"POST /core/nodes/{NodeId}", $"DELETE /core/nodes/{NodeId}",
        }));
        var requests = stub.Requests.Skip(1).ToList();
        AssertBody(requests[0].Body, new JsonObject { ["name"] = "n", [wire("realm_id")] = RealmId.ToString() });
        Assert.That(requests[1].Request, Does.Contain($"include=registry,{wire("registry_project")}"));
        Assert.That(requests[2].Request, Does.Contain($"filter[{wire("realm_id")}]={RealmId}"));
        AssertBody(requests[3].Body, new JsonObject { [wire("external_name")] = null });
    }

        private static void AssertBody(string body, JsonObject expected) =>
        Assert.That(JsonNode.DeepEquals(JsonNode.Parse(body), expected), Is.True, $"expected {expected.ToJsonString()}, sent {body}");
}
