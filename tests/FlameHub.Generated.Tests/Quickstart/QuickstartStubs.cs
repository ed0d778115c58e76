using System.Text.Json.Nodes;
using FlameHub.Generated.Tests.WireMock;

namespace FlameHub.Generated.Tests.Quickstart;

/// <summary>The Hub 0.8.13 answers the quickstart gets, as WireMock stubs (shapes from the recorded exchanges).</summary>
internal static class QuickstartStubs
{
    public const string MasterId = "ca468f35-fd65-4740-aeaf-95fdbfbb3c7a";
    public const string NodeId = "fd098170-c4dc-4eb2-a4d8-884f5b7f8b86";
    public const string BucketId = "166af743-cd30-427b-ab64-c9e5f752c1b5";
    public const string FileId = "5f9c3634-e511-4201-955d-98c99af9d1ff";
    public const string Hello = "hello world\n";

    /// <summary>The wire name of a node's realm id on this release.</summary>
    public const string RealmIdField = "realm_id";

    // What the quickstart sends on this release.
    public const string CreateBody = $$"""{"name":"my-node","realm_id":"{{MasterId}}"}""";
    public const string UpdateBody = """{"hidden":true,"external_name":null}""";
    public const string GetUrl = $"/core/nodes/{NodeId}?include=registry,registry_project";
    public const string FindUrl = "/core/nodes?filter[name]=~my-node&page[limit]=10&page[offset]=10&sort=-created_at&include=registry,registry_project";
    public const string UsersUrl = "/auth/users?filter[name]=admin&include=client,realm";

    private const string Realm = $$$"""{"id":"{{{MasterId}}}","name":"master","display_name":null,"description":null,"built_in":true,"created_at":"2026-11-22T02:33:11.000Z","updated_at":"2026-11-22T02:33:11.000Z"}""";

    private static string Node(bool hidden, string? externalName) => $$$"""
        {"id":"{{{NodeId}}}","external_name":{{{(externalName is null ? "null" : $"\"{externalName}\"")}}},"public_key":null,"name":"my-node","hidden":{{{(hidden ? "true" : "false")}}},"type":"default","online":false,"registry_id":null,"registry_project_id":null,"robot_id":"94870cf6-7bfc-40bc-9fbd-e944f1621cb0","realm_id":"{{{MasterId}}}","created_at":"2026-11-22T02:33:37.000Z","updated_at":"2026-11-22T02:33:38.000Z"}
        """;

    public static async Task AddAsync(WireMockServer server)
    {
        await Stub(server, "POST", "/auth/token", 200, """{"access_token":"token-1","expires_in":3600,"token_type":"Bearer","scope":"global","refresh_token":"refresh-1"}""");
        await Stub(server, "GET", "/auth/realms", 200, $$$"""{"data":[{{{Realm}}}],"meta":{"total":1}}""", new() { ["filter[name]"] = "master" });
        await Stub(server, "POST", "/core/nodes", 201, Node(false, "my-node"));
        await Stub(server, "POST", $"/core/nodes/{NodeId}", 202, Node(true, null));
        await Stub(server, "GET", $"/core/nodes/{NodeId}", 200, Node(true, null));
        await Stub(server, "DELETE", $"/core/nodes/{NodeId}", 202, Node(true, null));
        await Stub(server, "GET", "/core/nodes", 200, $$$"""{"data":[],"meta":{"total":3,"limit":10,"offset":10}}""", new() { ["filter[name]"] = "~my-node" });
        await Stub(server, "GET", "/core/nodes", 200, $$$"""{"data":[{{{Node(false, "a")}}},{{{Node(false, "b")}}}],"meta":{"total":2,"limit":50,"offset":0}}""", new() { ["filter[hidden]"] = "false" });
        await Stub(server, "GET", "/auth/users", 200, $$$"""
            {"data":[{"id":"cf4eefba-f0bd-422a-b578-1258eedcca0d","name":"admin","name_locked":true,"first_name":null,"last_name":null,"display_name":"admin","avatar":null,"cover":null,"active":true,"created_at":"2026-11-22T02:33:11.000Z","updated_at":"2026-11-22T02:33:11.000Z","realm_id":"{{{MasterId}}}","realm":{{{Realm}}}}],"meta":{"total":1}}
            """, new() { ["filter[name]"] = "admin" });
        await Stub(server, "POST", "/storage/buckets", 201, $$$"""{"id":"{{{BucketId}}}","name":"my-bucket","region":null,"created_at":"2026-11-22T02:33:38.000Z","updated_at":"2026-11-22T02:33:38.000Z","actor_id":"cf4eefba-f0bd-422a-b578-1258eedcca0d","actor_type":"user","realm_id":"{{{MasterId}}}"}""");
        await Stub(server, "POST", $"/storage/buckets/{BucketId}/upload", 201, $$$"""
            {"data":[{"name":"hello.txt","path":"data/hello.txt","hash":"a948904f2f0f479b8f8197694b30184b0d2ed1c1cd2a1ec0fb85d299a192a447","size":12,"directory":"data","realm_id":"{{{MasterId}}}","actor_type":"user","actor_id":"cf4eefba-f0bd-422a-b578-1258eedcca0d","bucket_id":"{{{BucketId}}}","id":"{{{FileId}}}","created_at":"2026-11-22T02:33:38.000Z","updated_at":"2026-11-22T02:33:38.000Z"}],"meta":{"total":1}}
            """);
        // Any other node: Hub 0.8.13's own not-found answer (exchange 58), which a single get reads as null.
        await server.StubAsync(new JsonObject
        {
            ["priority"] = 10,
            ["request"] = new JsonObject { ["method"] = "GET", ["urlPathPattern"] = "/core/nodes/[^/]+" },
            ["response"] = new JsonObject
            {
                ["status"] = 404,
                ["headers"] = new JsonObject { ["Content-Type"] = "application/json; charset=utf-8" },
                ["body"] = """{"statusCode":404,"code":"NOT_FOUND","message":""}""",
            },
        });
        await server.StubAsync(new JsonObject
        {
            ["request"] = new JsonObject { ["method"] = "GET", ["urlPath"] = $"/storage/bucket-files/{FileId}/stream" },
            ["response"] = new JsonObject
            {
                ["status"] = 200,
                ["headers"] = new JsonObject { ["Content-Type"] = "application/gzip" },
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
        // Everything but GET / needs the token; a stub that demands it proves the client sends it.
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
