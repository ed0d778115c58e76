using System.Text;
using System.Text.Json.Nodes;

namespace FlameHub.Generated.Tests.Quickstart;

/// <summary>
/// The README's quickstart runs against WireMock serving the answers of this run's Hub release, and
/// sends what that release expects (QuickstartStubs: each release's answers and requests).
/// </summary>
public sealed class QuickstartTests
{
    private string _hello = "";

    [SetUp]
    public async Task SetUp()
    {
        await WireMockFixture.Server.ResetAsync();
        await QuickstartStubs.AddAsync(WireMockFixture.Server);
        _hello = Path.Combine(Path.GetTempPath(), $"hello-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(_hello, QuickstartStubs.Hello);
    }

    [TearDown]
    public void TearDown() => File.Delete(_hello);

    [Test]
    public async Task The_quickstart_runs_and_sees_what_the_Hub_answers()
    {
        var result = await Quickstart.RunAsync(WireMockFixture.Server.BaseUrl, "admin", "start123", _hello);

        Assert.That(result.Master.Name, Is.EqualTo("master"));
        Assert.That(result.Created.Id, Is.EqualTo(Guid.Parse(QuickstartStubs.NodeId)));
        Assert.That(result.Same!.Hidden, Is.True);
        Assert.That(result.Same.ExternalName, Is.Null);
        Assert.That(result.None, Is.Null);
        Assert.That(result.Page.Count, Is.Zero);
        Assert.That(result.Page.Meta.Total, Is.EqualTo(3));
        Assert.That(result.ListedHidden, Is.EqualTo(2));
        Assert.That(result.Admin.Realm!.Name, Is.EqualTo("master"));
        Assert.That(result.Bucket.Name, Is.EqualTo("my-bucket"));
        Assert.That(result.Files.Single().Path, Is.EqualTo("data/hello.txt"));
        Assert.That(Encoding.UTF8.GetString(result.Content), Is.EqualTo(QuickstartStubs.Hello));
    }

    [Test]
    public async Task The_quickstart_sends_what_the_Hub_expects()
    {
        await Quickstart.RunAsync(WireMockFixture.Server.BaseUrl, "admin", "start123", _hello);
        var requests = await WireMockFixture.Server.RequestsAsync();

        Assert.That(requests.Count(r => (string?)r["url"] == "/auth/token"), Is.EqualTo(1), "one token for three clients");
        Assert.That(JsonNode.DeepEquals(JsonNode.Parse((string)requests.First(r => (string?)r["url"] == "/auth/token")["body"]!),
            JsonNode.Parse("""{"grant_type":"password","username":"admin","password":"start123"}""")), Is.True);

        var create = requests.Single(r => (string?)r["method"] == "POST" && (string?)r["url"] == "/core/nodes");
        Assert.That(JsonNode.DeepEquals(JsonNode.Parse((string)create["body"]!), JsonNode.Parse(QuickstartStubs.CreateBody)), Is.True);

        var update = requests.Single(r => (string?)r["method"] == "POST" && (string?)r["url"] == $"/core/nodes/{QuickstartStubs.NodeId}");
        Assert.That((string?)update["body"], Is.EqualTo(QuickstartStubs.UpdateBody));

        var get = requests.First(r => (string?)r["method"] == "GET" && ((string?)r["url"])!.StartsWith($"/core/nodes/{QuickstartStubs.NodeId}"));
        Assert.That((string?)get["url"], Is.EqualTo(QuickstartStubs.GetUrl));

        var find = requests.Single(r => ((string?)r["url"])!.StartsWith("/core/nodes?filter[name]"));
        Assert.That((string?)find["url"], Is.EqualTo(QuickstartStubs.FindUrl));

        var users = requests.Single(r => ((string?)r["url"])!.StartsWith("/auth/users"));
        Assert.That((string?)users["url"], Is.EqualTo(QuickstartStubs.UsersUrl));

        var upload = requests.Single(r => ((string?)r["url"])!.EndsWith("/upload"));
        Assert.That((string?)upload["body"], Does.Contain("filename=\"data/hello.txt\"").And.Contain(QuickstartStubs.Hello));
    }
}
