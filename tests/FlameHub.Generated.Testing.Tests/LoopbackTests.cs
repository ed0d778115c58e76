using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FlameHub.Core;
using FlameHub.Storage;
using FlameHub.Testing;

namespace FlameHub.Generated.Testing.Tests;

/// <summary>The fake on a loopback port, over real sockets, as a tool that is not .NET would reach it.</summary>
public sealed class LoopbackTests
{
    [Test, CancelAfter(30_000)]
    public async Task Plain_HTTP_signs_in_with_a_form_grant_and_lists_nodes()
    {
        using var hub = new FakeHub();
        await using var listener = hub.ListenOnLoopback();
        using var http = new HttpClient { BaseAddress = listener.Url };

        using var grant = new HttpRequestMessage(HttpMethod.Post, "auth/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "password", ["username"] = "admin", ["password"] = "start123" }),
            Headers = { ExpectContinue = true },
        };
        using var granted = await http.SendAsync(grant);
        Assert.That((int)granted.StatusCode, Is.EqualTo(200));
        var token = (await granted.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();

        using var list = new HttpRequestMessage(HttpMethod.Get, "core/nodes?page[limit]=5") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
        using var listed = await http.SendAsync(list);
        Assert.That((int)listed.StatusCode, Is.EqualTo(200));
        Assert.That(listed.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
        Assert.That((await listed.Content.ReadFromJsonAsync<JsonObject>())!["meta"]!["limit"]!.GetValue<int>(), Is.EqualTo(5));

        using var anonymous = await http.GetAsync("core/nodes");
        Assert.That((int)anonymous.StatusCode, Is.EqualTo(401));
    }

    [Test, CancelAfter(30_000)]
    public async Task The_library_over_real_sockets_shares_the_fakes_state_and_round_trips_a_file()
    {
        using var hub = new FakeHub();
        await using var listener = hub.ListenOnLoopback();
        var credential = new PasswordAuth("admin", "start123", new Uri(listener.Url, "auth/"));
        using var core = new CoreClient(new Uri(listener.Url, "core/"), credential);
        using var storage = new StorageClient(new Uri(listener.Url, "storage/"), credential);
        using var inProcess = new CoreClient(hub.CoreUrl, hub.Admin, hub.Handler);

        var node = await core.CreateNodeAsync(new CreateNode { Name = "over-tcp" });
        Assert.That((await inProcess.GetNodeAsync(node.Id))?.Name, Is.EqualTo("over-tcp"), "one state behind both ways in");

        var bucket = await storage.CreateBucketAsync(new CreateBucket { Name = "tcp-bucket" });
        var bytes = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7)).ToArray();
        var files = await storage.UploadToBucketAsync(bucket.Id, new UploadFile("data/blob.bin", new MemoryStream(bytes)));
        await using var content = await storage.StreamBucketFileAsync(files[0].Id);
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy);
        Assert.That(copy.ToArray(), Is.EqualTo(bytes));
    }

    [Test, CancelAfter(30_000)]
    public async Task Disposing_the_listener_closes_the_port()
    {
        using var hub = new FakeHub();
        var listener = hub.ListenOnLoopback();
        using var http = new HttpClient { BaseAddress = listener.Url };
        using (var open = await http.GetAsync("core/"))
        {
            Assert.That((int)open.StatusCode, Is.EqualTo(200));
        }

        await listener.DisposeAsync();

        using var fresh = new HttpClient { BaseAddress = listener.Url };
        Assert.ThrowsAsync<HttpRequestException>(() => fresh.GetAsync("core/"));
    }

    [Test, CancelAfter(30_000)]
    public async Task A_handler_failure_is_a_connection_failure_on_the_wire()
    {
        // What an injected connection reset does in process (the handler throws) is a reset over TCP.
        await using var listener = new FakeHubListener(new Failing(), new Uri("http://fake-hub.invalid/"));
        using var http = new HttpClient { BaseAddress = listener.Url };

        Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("core/nodes"));
    }

    private sealed class Failing : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException("injected reset", new IOException("reset"));
    }
}
