// Built against a library generated for a release without robots, without Basic credentials and with
// rapiq 2's filters (ReleaseFactsBuildTests). Filter.EndsWith and Filter.Contains compile only there.
using System.Net;
using System.Text;
using FlameHub;
using FlameHub.Auth;

var library = typeof(Filter).Assembly;
Console.WriteLine($"RobotAuth {(library.GetType("FlameHub.RobotAuth") is null ? "absent" : "present")}");
Console.WriteLine($"BasicAuth {(library.GetType("FlameHub.BasicAuth") is null ? "absent" : "present")}");
Console.WriteLine($"robot operations {typeof(AuthClient).GetMethods().Count(m => m.Name.Contains("Robot", StringComparison.Ordinal))}");
Console.WriteLine($"robot grant {(typeof(TokenGrantRequestGrantType).GetProperty("RobotCredentials") is null ? "absent" : "present")}");
Console.WriteLine($"starts with {Filter.StartsWith("node")}");
Console.WriteLine($"ends with {Filter.EndsWith("_create")}");
Console.WriteLine($"contains {Filter.Contains("bucket")}");
Console.WriteLine($"not starts with {Filter.Not(Filter.StartsWith("node"))}");
Console.WriteLine($"not ends with {Filter.Not(Filter.EndsWith("_create"))}");
Console.WriteLine($"not contains {Filter.Not(Filter.Contains("bucket"))}");
foreach (var (name, value) in new (string, object)[] { ("equality node~", "node~"), ("equality ~node", "~node"), ("starts with ~a", Filter.StartsWith("~a")), ("equality a~b", "a~b") })
{
    try
    {
        _ = new FindOptions { Filter = { ["name"] = value } };
        Console.WriteLine($"{name} accepted");
    }
    catch (ArgumentException)
    {
        Console.WriteLine($"{name} refused");
    }
}

var handler = new Capture();
using var auth = new AuthClient(new Uri("http://hub.invalid/auth/"), new StaticTokenAuth("t"), handler);
await auth.FindPermissionsAsync(new FindOptions { Filter = { ["name"] = Filter.StartsWith("node") }, Include = { UseDefaults = false } });
await auth.FindPermissionsAsync(new FindOptions { Filter = { ["name"] = Filter.Contains("bucket") }, Include = { UseDefaults = false } });
foreach (var query in handler.Queries) Console.WriteLine($"sent {query}");

internal sealed class Capture : HttpMessageHandler
{
    public List<string> Queries { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // The release check's GET / (answered by the list below, which reports no version) is not a find.
        if (request.RequestUri!.AbsolutePath != "/auth/") Queries.Add(Uri.UnescapeDataString(request.RequestUri.Query));
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("""{"data":[],"meta":{"total":0,"limit":50,"offset":0}}""", Encoding.UTF8, "application/json"),
        });
    }
}
