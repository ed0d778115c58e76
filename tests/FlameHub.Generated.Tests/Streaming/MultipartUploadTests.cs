using System.Text;
using Microsoft.AspNetCore.Http;

namespace FlameHub.Generated.Tests.Streaming;

/// <summary>The upload body, as a server receives it.</summary>
public class MultipartUploadTests
{
    private static readonly byte[] Hello = "hello, world\n"u8.ToArray();
    private static readonly byte[] Binary = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 7)).ToArray();

    private LoopbackServer _server = null!;
    private readonly List<ReceivedUpload> _received = [];

    [SetUp]
    public async Task StartAsync()
    {
        _received.Clear();
        _server = await LoopbackServer.StartAsync(async context =>
        {
            var upload = await ReceivedUpload.ReadAsync(context.Request);
            lock (_received) _received.Add(upload);
            context.Response.StatusCode = StatusCodes.Status201Created;
        });
    }

    [TearDown]
    public async Task StopAsync() => await _server.DisposeAsync();

    private async Task<ReceivedUpload> PostAsync(HttpContent content)
    {
        using var client = new HttpClient();
        using var response = await client.PostAsync(new Uri(_server.BaseAddress, "buckets/b/upload"), content);
        Assert.That((int)response.StatusCode, Is.EqualTo(201));
        return _received.Last();
    }

    [Test]
    public async Task Every_file_is_one_part_whose_filename_keeps_the_path()
    {
        using var content = MultipartUpload.Create([
            new UploadFile("hello/world.txt", new MemoryStream(Hello), "text/plain"),
            new UploadFile("data.bin", new MemoryStream(Binary)),
        ]);

        var upload = await PostAsync(content);

        Assert.That(upload.ContentType, Does.StartWith("multipart/form-data; boundary="));
        Assert.That(upload.Parts, Has.Count.EqualTo(2));
        Assert.That(upload.Parts[0].ContentDisposition, Is.EqualTo("form-data; name=\"file\"; filename=\"hello/world.txt\""));
        Assert.That(upload.Parts[0].ContentType, Is.EqualTo("text/plain"));
        Assert.That(upload.Parts[0].Body, Is.EqualTo(Hello));
        Assert.That(upload.Parts[1].ContentDisposition, Is.EqualTo("form-data; name=\"file2\"; filename=\"data.bin\""));
        Assert.That(upload.Parts[1].ContentType, Is.EqualTo("application/octet-stream"));
        Assert.That(upload.Parts[1].Body, Is.EqualTo(Binary));
    }

    [Test]
    public async Task Seekable_streams_give_a_content_length()
    {
        using var content = MultipartUpload.Create([new UploadFile("a.txt", new MemoryStream(Hello))]);

        var upload = await PostAsync(content);

        Assert.That(upload.ContentLength, Is.EqualTo(upload.Body.Length));
        Assert.That(upload.TransferEncoding, Is.Empty);
    }

    [Test]
    public async Task A_non_seekable_stream_goes_chunked()
    {
        using var content = MultipartUpload.Create([
            new UploadFile("a.txt", new MemoryStream(Hello)),
            new UploadFile("big/generated.bin", new GeneratedStream(200_000)),
        ]);

        var upload = await PostAsync(content);

        Assert.That(upload.ContentLength, Is.Null);
        Assert.That(upload.TransferEncoding, Is.EqualTo("chunked"));
        Assert.That(upload.Parts[1].ContentDisposition, Does.EndWith("filename=\"big/generated.bin\""));
        Assert.That(upload.Parts[1].Body, Is.EqualTo(Enumerable.Range(0, 200_000).Select(i => GeneratedStream.ByteAt(i)).ToArray()));
    }

    [Test]
    public async Task A_seekable_stream_is_sent_from_its_position_at_creation()
    {
        var stream = new MemoryStream(Binary) { Position = 10 };
        using var content = MultipartUpload.Create([new UploadFile("data.bin", stream)]);

        var upload = await PostAsync(content);

        Assert.That(upload.Parts[0].Body, Is.EqualTo(Binary[10..]));
    }

    [Test]
    public async Task A_non_ascii_path_is_sent_as_raw_utf8_without_filename_star()
    {
        using var content = MultipartUpload.Create([new UploadFile("daten/grüße 😀.txt", new MemoryStream(Hello))]);

        var upload = await PostAsync(content);

        var line = Encoding.UTF8.GetBytes("Content-Disposition: form-data; name=\"file\"; filename=\"daten/grüße 😀.txt\"\r\n");
        Assert.That(upload.Body.AsSpan().IndexOf(line), Is.GreaterThan(0));
        Assert.That(Encoding.UTF8.GetString(upload.Body), Does.Not.Contain("filename*").And.Not.Contain("=?utf-8?"));
    }

    [Test]
    public async Task A_seekable_stream_is_sent_again_whole()
    {
        var file = new UploadFile("data.bin", new MemoryStream(Binary));
        using (var first = MultipartUpload.Create([file])) await PostAsync(first);
        using var second = MultipartUpload.Create([file]);

        var upload = await PostAsync(second);

        Assert.That(upload.Parts[0].Body, Is.EqualTo(Binary));
    }

    [Test]
    public async Task A_non_seekable_stream_is_not_sent_again_empty()
    {
        var file = new UploadFile("data.bin", new GeneratedStream(1000));
        using (var first = MultipartUpload.Create([file])) await PostAsync(first);
        using var second = MultipartUpload.Create([file]);
        using var client = new HttpClient();

        var error = Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(new Uri(_server.BaseAddress, "upload"), second));

        Assert.That(error!.InnerException, Is.InstanceOf<InvalidOperationException>());
        Assert.That(_received, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_local_file_is_read_at_sending_and_closed_afterwards()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".bin");
        await File.WriteAllBytesAsync(path, Binary);
        try
        {
            var file = UploadFile.FromFile(path, "local/copy.bin");
            using (var content = MultipartUpload.Create([file]))
            {
                var upload = await PostAsync(content);
                Assert.That(upload.Parts[0].ContentDisposition, Does.EndWith("filename=\"local/copy.bin\""));
                Assert.That(upload.Parts[0].Body, Is.EqualTo(Binary));
                Assert.That(upload.ContentLength, Is.EqualTo(upload.Body.Length));
            }

            // Closed: an exclusive open succeeds while the upload's content is still alive.
            using (var content = MultipartUpload.Create([file]))
            {
                Assert.That((await PostAsync(content)).Parts[0].Body, Is.EqualTo(Binary));
                using var exclusive = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Disposing_the_content_leaves_caller_streams_open()
    {
        var stream = new MemoryStream(Hello);
        var content = MultipartUpload.Create([new UploadFile("a.txt", stream)]);

        content.Dispose();

        Assert.That(stream.CanRead, Is.True);
    }

    [Test]
    public void No_files_is_an_error()
    {
        Assert.That(() => MultipartUpload.Create([]), Throws.ArgumentException.With.Property("ParamName").EqualTo("files"));
        Assert.That(() => MultipartUpload.Create([null!]), Throws.ArgumentException.With.Property("ParamName").EqualTo("files"));
    }
}
