using System.IO.Compression;
using System.Net;
using FlameHub.Generated.Tests.Hostile;
using Microsoft.AspNetCore.Http;

namespace FlameHub.Generated.Tests.Streaming;

/// <summary>What a caller reads from a downloaded body.</summary>
public class DownloadStreamTests
{
    private static readonly byte[] Text = "hello/world.txt holds plain text, labelled application/gzip\n"u8.ToArray();

    private static HttpClient DecompressingClient() =>
        new(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.All });

    private static async Task<byte[]> DownloadAsync(LoopbackServer server)
    {
        using var client = DecompressingClient();
        var response = await client.GetAsync(new Uri(server.BaseAddress, "bucket-files/f/stream"), HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var stream = await DownloadStream.OpenAsync(response, CancellationToken.None);
        var bytes = new MemoryStream();
        await stream.CopyToAsync(bytes);
        return bytes.ToArray();
    }

    private static byte[] Gzip(byte[] bytes)
    {
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest)) gzip.Write(bytes);
        return compressed.ToArray();
    }

    [Test]
    public async Task A_body_labelled_gzip_is_returned_as_sent()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/gzip";
            await context.Response.Body.WriteAsync(Text);
        });

        Assert.That(await DownloadAsync(server), Is.EqualTo(Text));
    }

    [Test]
    public async Task A_real_gzip_file_without_content_encoding_is_not_unpacked()
    {
        var archive = Gzip(Text);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/gzip";
            await context.Response.Body.WriteAsync(archive);
        });

        Assert.That(await DownloadAsync(server), Is.EqualTo(archive));
    }

    [Test]
    public async Task A_gzip_content_encoding_is_undone_by_the_handler()
    {
        string? acceptEncoding = null;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            acceptEncoding = context.Request.Headers.AcceptEncoding.ToString();
            context.Response.ContentType = "application/gzip";
            context.Response.Headers.ContentEncoding = "gzip";
            await context.Response.Body.WriteAsync(Gzip(Text));
        });

        Assert.That(await DownloadAsync(server), Is.EqualTo(Text));
        Assert.That(acceptEncoding, Does.Contain("gzip"));
    }

    [Test]
    public async Task Disposing_the_stream_disposes_the_response()
    {
        var response = new TrackedResponse { Content = new StreamContent(new MemoryStream(Text)) };
        var stream = await DownloadStream.OpenAsync(response, CancellationToken.None);
        var first = new byte[5];

        Assert.That(await stream.ReadAsync(first), Is.EqualTo(5));
        Assert.That(response.Disposed, Is.False);
        await stream.DisposeAsync();

        Assert.That(response.Disposed, Is.True);
        Assert.That(stream.CanRead, Is.False);
        Assert.That(() => stream.ReadByte(), Throws.InstanceOf<ObjectDisposedException>());
    }

    [Test]
    public async Task Synchronous_dispose_disposes_the_response_too()
    {
        var response = new TrackedResponse { Content = new StreamContent(new MemoryStream(Text)) };
        var stream = await DownloadStream.OpenAsync(response, CancellationToken.None);

        stream.Dispose();

        Assert.That(response.Disposed, Is.True);
    }

    [Test]
    public async Task Disposing_a_half_read_download_drops_the_connection()
    {
        // A raw server that writes an endless chunked body until the socket refuses: only the
        // client closing the connection ends it. (Kestrel 8 lets writes to a connection the client
        // closed complete silently, so a finite body there can end "normally" before it notices.)
        var dropped = new TaskCompletionSource();
        await using var server = RawHttpServer.Start(async (_, connection, token) =>
        {
            var chunk = new byte[64 * 1024];
            try
            {
                await RawHttpServer.WriteHeadAsync(connection, 200, token, ("Content-Type", "application/octet-stream"), ("Transfer-Encoding", "chunked"));
                while (!token.IsCancellationRequested) await RawHttpServer.WriteChunkAsync(connection, chunk, token);
            }
            catch (IOException)
            {
                dropped.TrySetResult();
            }
        }, serveStatus: false); // no client here: the plain GET / is the download
        using var client = DecompressingClient();
        var response = await client.GetAsync(server.BaseAddress, HttpCompletionOption.ResponseHeadersRead);
        var stream = await DownloadStream.OpenAsync(response, CancellationToken.None);
        await stream.ReadExactlyAsync(new byte[100_000]);

        await stream.DisposeAsync();

        Assert.That(await Task.WhenAny(dropped.Task, Task.Delay(TimeSpan.FromSeconds(10))), Is.SameAs(dropped.Task));
    }

    [Test]
    public void A_response_whose_body_cannot_be_opened_is_disposed()
    {
        var response = new TrackedResponse { Content = new FailingContent() };

        Assert.That(() => DownloadStream.OpenAsync(response, CancellationToken.None), Throws.InstanceOf<IOException>());
        Assert.That(response.Disposed, Is.True);
    }

    private sealed class TrackedResponse : HttpResponseMessage
    {
        public bool Disposed { get; private set; }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }

    private sealed class FailingContent : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => throw new IOException("no body");

        protected override Task<Stream> CreateContentReadStreamAsync() => throw new IOException("no body");

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
