using System.Text.Json.Nodes;
using FlameHub.Generated.Tests.WireMock;

namespace FlameHub.Generated.Tests.Quickstart;

/// <summary>
/// The Hub 0.14.0 answers the quickstart gets, as WireMock stubs (shapes from the recorded exchanges:
/// camelCase, every record in <c>{data, meta}</c>), and what it sends there.
/// </summary>
internal static class QuickstartStubs
{
    public const string MasterId = "b4f78ced-3858-45a4-b7ec-c3720bab71fe";
    public const string NodeId = "a76befc6-db50-46c5-ba01-8528c2455797";
    public const string BucketId = "d2c8cc5f-9c4d-45e5-a9ff-e655c8ebeed9";
    public const string FileId = "8bbb2828-00c3-454f-999c-2188a5e90cff";
    public const string AdminId = "639f1cc3-643a-4e3e-8ecb-f7af0baac0e5";
    public const string Hello = "hello world\n";

    /// <summary>The wire name of a node's realm id on this release.</summary>
    public const string RealmIdField = "realmId";

    // What the quickstart sends on this release: camelCase names, rapiq 2's starts-with (x~).
    public const string CreateBody = $$"""{"name":"my-node","realmId":"{{MasterId}}"}""";
    public const string UpdateBody = """{"hidden":true,"externalName":null}""";
    public const string GetUrl = $"/core/nodes/{NodeId}?include=registry,registryProject";
    public const string FindUrl = "/core/nodes?filter[name]=my-node~&page[limit]=10&page[offset]=10&sort=-createdAt&include=registry,registryProject";
    public const string UsersUrl = "/auth/users?filter[name]=admin&include=realm";

    private const string Realm = $$$"""{"id":"{{{MasterId}}}","name":"master","displayName":null,"description":null,"builtIn":true,"createdAt":"2026-12-01T09:26:44.000Z","updatedAt":"2026-12-01T09:26:44.000Z"}""";

    /// <summary>A node as exchange 09 shows it; with its (empty) relations when they were included.</summary>
    private static string Node(bool hidden, string? externalName, bool included = false) => $$$"""
        {"id":"{{{NodeId}}}","externalName":{{{(externalName is null ? "null" : $"\"{externalName}\"")}}},"publicKey":null,"name":"my-node","hidden":{{{(hidden ? "true" : "false")}}},"type":"default","online":false,"registryId":null,{{{(included ? "\"registry\":null," : "")}}}"registryProjectId":null,{{{(included ? "\"registryProject\":null," : "")}}}"clientId":"78868e62-a02c-4707-8a5e-8a8f7945e411","robotId":null,"realmId":"{{{MasterId}}}","createdAt":"2026-12-01T09:30:59.000Z","updatedAt":"2026-12-01T09:30:59.000Z"}
        """;

    private static string Record(string data) => $$$"""{"data":{{{data.Trim()}}},"meta":{}}""";

    public static async Task AddAsync(WireMockServer server)
    {
        await Stub(server, "POST", "/auth/token", 200, """{"access_token":"token-1","expires_in":900,"token_type":"Bearer","scope":"global","refresh_token":"refresh-1","refresh_token_expires_in":259200}""");
        await Stub(server, "GET", "/auth/realms", 200, $$$"""{"data":[{{{Realm}}}],"meta":{"total":1,"limit":50,"offset":0}}""", new() { ["filter[name]"] = "master" });
        await Stub(server, "POST", "/core/nodes", 201, Record(Node(false, null)));
        await Stub(server, "POST", $"/core/nodes/{NodeId}", 202, Record(Node(true, null)));
        await Stub(server, "GET", $"/core/nodes/{NodeId}", 200, Record(Node(true, null, included: true)));
        await Stub(server, "DELETE", $"/core/nodes/{NodeId}", 202, Record(Node(true, null)));
        await Stub(server, "GET", "/core/nodes", 200, """{"data":[],"meta":{"total":3,"limit":10,"offset":10}}""", new() { ["filter[name]"] = "my-node~" });
        await Stub(server, "GET", "/core/nodes", 200, $$$"""{"data":[{{{Node(false, "a", included: true)}}},{{{Node(false, "b", included: true)}}}],"meta":{"total":2,"limit":50,"offset":0}}""", new() { ["filter[hidden]"] = "false" });
        await Stub(server, "GET", "/auth/users", 200, $$$"""
            {"data":[{"id":"{{{AdminId}}}","name":"admin","nameLocked":true,"firstName":null,"lastName":null,"displayName":"admin","avatar":null,"cover":null,"status":null,"statusMessage":null,"active":true,"createdAt":"2026-12-01T09:26:44.000Z","updatedAt":"2026-12-01T09:26:44.000Z","realmId":"{{{MasterId}}}","realm":{{{Realm}}}}],"meta":{"total":1,"limit":50,"offset":0}}
            """, new() { ["filter[name]"] = "admin" });
        await Stub(server, "POST", "/storage/buckets", 201, Record($$$"""{"id":"{{{BucketId}}}","name":"my-bucket","region":null,"createdAt":"2026-12-01T09:31:00.000Z","updatedAt":"2026-12-01T09:31:00.000Z","actorId":null,"actorType":null,"realmId":"{{{MasterId}}}"}"""));
        await Stub(server, "POST", $"/storage/buckets/{BucketId}/upload", 201, $$$"""
            {"data":[{"id":"{{{FileId}}}","name":"hello.txt","path":"data/hello.txt","hash":"a948904f2f0f479b8f8197694b30184b0d2ed1c1cd2a1ec0fb85d299a192a447","directory":"data","size":12,"createdAt":"2026-12-01T09:31:00.000Z","updatedAt":"2026-12-01T09:31:00.000Z","actorType":"user","actorId":"{{{AdminId}}}","realmId":"{{{MasterId}}}","bucketId":"{{{BucketId}}}"}],"meta":{"total":1}}
            """);
        // Any other node: Hub 0.14.0's own not-found answer (exchange 13), which a single get reads as null.
        await server.StubAsync(new JsonObject
        {
            ["priority"] = 10,
            ["request"] = new JsonObject { ["method"] = "GET", ["urlPathPattern"] = "/core/nodes/[^/]+" },
            ["response"] = new JsonObject
            {
                ["status"] = 404,
                ["headers"] = new JsonObject { ["Content-Type"] = "application/json; charset=utf-8" },
                ["body"] = """{"statusCode":404,"code":"entity_not_found","message":"The node was not found.","issues":[]}""",
            },
        });
        // Served with the upload's content type, as Hub 0.14.0 does (exchange 27).
        await server.StubAsync(new JsonObject
        {
            ["request"] = new JsonObject { ["method"] = "GET", ["urlPath"] = $"/storage/bucket-files/{FileId}/stream" },
            ["response"] = new JsonObject
            {
                ["status"] = 200,
                ["headers"] = new JsonObject { ["Content-Type"] = "application/octet-stream", ["Content-Disposition"] = "attachment; filename=hello.txt" },
                ["body"] = Hello,
            },
        });
    }

    private static Task Stub(WireMockServer server, string method, string path, int status, string body, Dictionary<string, string>? query = null)
    {
        var request = new JsonObject { ["method"] = method, ["urlPath"] = path };
        if (query is not null)
        {
            var parameters = new JsonObject();
            foreach (var (name, value) in query) parameters[name] = new JsonObject { ["equalTo"] = value };
            request["queryParameters"] = parameters;
        }
        // Everything but the token needs the token; a stub that demands it proves the client sends it.
        if (path != "/auth/token") request["headers"] = new JsonObject { ["Authorization"] = new JsonObject { ["equalTo"] = "Bearer token-1" } };
        return server.StubAsync(new JsonObject
        {
            ["request"] = request,
            ["response"] = new JsonObject
            {
                ["status"] = status,
                ["headers"] = new JsonObject { ["Content-Type"] = "application/json; charset=utf-8" },
                ["body"] = body.Trim(),
            },
        });
    }
}
