using System.Text;

namespace FlameHub.Generated.Benchmarks;

/// <summary>
/// The bodies the loopback server answers with: the shapes of recorded Hub 0.8.13 answers
/// (a node with its registry, the list envelope, a token), larger lists made by repeating the
/// recorded node with other ids and names.
/// </summary>
public static class Payloads
{
    public static readonly Guid NodeId = Guid.Parse("fd098170-c4dc-4eb2-a4d8-884f5b7f8b86");
    public static readonly Guid RegistryId = Guid.Parse("5b1b7ad5-3e41-4c9e-9a3f-6f0b27d3a5d1");
    public static readonly Guid BucketId = Guid.Parse("166af743-cd30-427b-ab64-c9e5f752c1b5");
    public static readonly Guid FileId = Guid.Parse("5f9c3634-e511-4201-955d-98c99af9d1ff");
    public const int PageSize = 50;

    private const string Registry =
        """{"id":"5b1b7ad5-3e41-4c9e-9a3f-6f0b27d3a5d1","name":"registry-1","host":"harbor.example.org","account_name":"admin","created_at":"2026-11-20T09:12:01.000Z","updated_at":"2026-11-20T09:12:01.000Z"}""";

    /// <summary>The recorded node, number <paramref name="i"/> of a list: its own id and name, the registry included.</summary>
    public static string Node(int i, bool withRegistry)
    {
        var id = i == 0 ? NodeId : new Guid(i, 0x4eb2, 0x4a4d, [0x88, 0x4f, 0x5b, 0x7f, 0x8b, 0x86, (byte)(i >> 8), (byte)i]);
        var name = "node-" + (NameBase + i).ToString("x6");
        var registry = withRegistry ? "\"registry\":" + Registry + "," : "";
        return $$"""{"id":"{{id}}","external_name":"{{name}}","public_key":null,"name":"{{name}}","hidden":true,"type":"default","online":false,"registry_id":"{{RegistryId}}",{{registry}}"registry_project_id":null,"registry_project":null,"robot_id":"94870cf6-7bfc-40bc-9fbd-e944f1621cb0","realm_id":"170b4592-4913-44db-9edf-6cb7fb9595d5","created_at":"2026-11-22T02:33:37.000Z","updated_at":"2026-11-22T02:33:38.000Z"}""";
    }

    private const int NameBase = 0xa95747;

    /// <summary>GET /nodes/{id}?include=registry,registry_project.</summary>
    public static readonly byte[] OneNode = Encoding.UTF8.GetBytes(Node(0, withRegistry: true));

    /// <summary>The start of a page of 50 nodes with their registry: <c>{"data":[...],</c>; the meta follows.</summary>
    public static readonly byte[] PageData = Encoding.UTF8.GetBytes("{\"data\":[" + string.Join(",", Enumerable.Range(0, PageSize).Select(i => Node(i, withRegistry: true))) + "],");

    /// <summary>The closing <c>meta</c> of a page.</summary>
    public static byte[] PageMeta(int total, int limit, int offset) =>
        Encoding.UTF8.GetBytes($"\"meta\":{{\"total\":{total},\"limit\":{limit},\"offset\":{offset}}}}}");

    public static byte[] Token(int n) => Encoding.UTF8.GetBytes(
        $$"""{"access_token":"eyJhbGciOiJSUzI1NiJ9.bench-{{n}}.c2lnbmF0dXJl","expires_in":3600,"token_type":"Bearer","refresh_token":"refresh-{{n}}"}""");

    public static byte[] StoredFile(long size) => Encoding.UTF8.GetBytes(
        $$$"""{"data":[{"id":"{{{FileId}}}","name":"generated.bin","path":"big/generated.bin","directory":"big","size":{{{size}}},"bucket_id":"{{{BucketId}}}","created_at":"2026-11-22T02:33:37.000Z","updated_at":"2026-11-22T02:33:37.000Z"}],"meta":{"total":1}}""");
}
