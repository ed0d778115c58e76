#:property PublishAot=false
#:property TreatWarningsAsErrors=true
#:project ../src/FlameHub.Generated.Testing/FlameHub.Generated.Testing.csproj
// ./build.sh demo: the README quickstart, step by step, with each request on the wire. Against an
// in-process FakeHub (FlameHub.Generated.Testing) by default; with FLAMEHUB_URL (and FLAMEHUB_USER,
// FLAMEHUB_PASSWORD) against that Hub, with unique names, cleaning up what it creates.
using FlameHub;
using FlameHub.Auth;
using FlameHub.Core;
using FlameHub.Storage;
using FlameHub.Testing;

var live = Environment.GetEnvironmentVariable("FLAMEHUB_URL");
using var fake = live is null ? new FakeHub() : null;
var authUrl = fake?.AuthUrl ?? new Uri(new Uri(live!), "auth/");
var coreUrl = fake?.CoreUrl ?? new Uri(new Uri(live!), "core/");
var storageUrl = fake?.StorageUrl ?? new Uri(new Uri(live!), "storage/");
var user = Environment.GetEnvironmentVariable("FLAMEHUB_USER") ?? "admin";
var password = Environment.GetEnvironmentVariable("FLAMEHUB_PASSWORD") ?? "start123";
var suffix = live is null ? "" : "-" + Guid.NewGuid().ToString("N")[..8];
Console.WriteLine(live is null ? "demo: against an in-process FakeHub (set FLAMEHUB_URL for a real Hub)" : $"demo: against {live}");

using var wire = new WireLog(fake?.Handler ?? new SocketsHttpHandler { AllowAutoRedirect = false });
var auth = new PasswordAuth(user, password, authUrl, new HubCredentialOptions { TokenHandler = wire });
using var authClient = new AuthClient(authUrl, auth, wire);
using var core = new CoreClient(coreUrl, auth, wire);
using var storage = new StorageClient(storageUrl, auth, wire);

Step("find the master realm");
var master = (await authClient.FindRealmsAsync(new FindOptions { Filter = { ["name"] = "master" } })).Single();
Console.WriteLine($"  realm {master.Name} {master.Id}");

Step("create a node");
var node = await core.CreateNodeAsync(new CreateNode { Name = "my-node" + suffix, RealmId = master.Id, ExternalName = "My node" });
Console.WriteLine($"  node {node.Name} {node.Id}, external name '{node.ExternalName}'");

Step("update it: hidden, external name cleared with an explicit null");
await core.UpdateNodeAsync(node.Id, new UpdateNode { Hidden = true, ExternalName = null });
var same = await core.GetNodeAsync(node.Id);
Console.WriteLine($"  hidden {same?.Hidden}, external name {(same?.ExternalName is null ? "null" : same.ExternalName)}");

Step("get a node that does not exist");
Console.WriteLine($"  {(await core.GetNodeAsync(Guid.NewGuid()) is null ? "null" : "found?")}");

Step("page through nodes whose name starts with my-node");
var page = await core.FindNodesAsync(new FindOptions { Filter = { ["name"] = Filter.StartsWith("my-node") }, Page = new Page(Limit: 10, Offset: 0), Sort = { "-" + NodeFields.CreatedAt } });
Console.WriteLine($"  {page.Count} of {page.Meta.Total}");

Step("delete the node");
await core.DeleteNodeAsync(node.Id);

Step("find the user, its realm included");
var admin = (await authClient.FindUsersAsync(new FindOptions { Filter = { ["name"] = user } })).Single();
Console.WriteLine($"  user {admin.Name} in realm {admin.Realm?.Name}");

Step("create a bucket, upload a file, download it");
var bucket = await storage.CreateBucketAsync(new CreateBucket { Name = "my-bucket" + suffix });
var text = "hello from FlameHub.Generated\n"u8.ToArray();
var files = await storage.UploadToBucketAsync(bucket.Id, new UploadFile("data/hello.txt", new MemoryStream(text)));
await using (var content = await storage.StreamBucketFileAsync(files[0].Id))
{
    using var copy = new MemoryStream();
    await content.CopyToAsync(copy);
    Console.WriteLine($"  {files[0].Path}: {copy.Length} bytes, {(copy.ToArray().AsSpan().SequenceEqual(text) ? "the same bytes" : "DIFFERENT bytes")}");
}
await storage.DeleteBucketFileAsync(files[0].Id);
await storage.DeleteBucketAsync(bucket.Id);

Console.WriteLine("demo: done");
return 0;

static void Step(string what) => Console.WriteLine($"\n== {what}");

/// <summary>Prints each request and its answer as they pass.</summary>
sealed class WireLog(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        Console.WriteLine($"  {request.Method} {request.RequestUri?.PathAndQuery} -> {(int)response.StatusCode}");
        return response;
    }
}
