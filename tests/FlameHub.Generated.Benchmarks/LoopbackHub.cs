using System.Buffers;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlameHub.Generated.Benchmarks;

/// <summary>
/// The Hub on loopback: an in-process Kestrel server that answers the few routes the scenarios use
/// with pre-built bytes. It runs in a child process (<c>--server</c>) so that the client process's
/// allocation and memory figures hold only the client's own.
/// </summary>
/// <remarks>
/// Routes, after an optional <c>/n{count}</c> prefix that sets the list size or the download size:
/// <c>POST /auth/token</c>, <c>GET /core/nodes/{id}</c>, <c>GET /core/nodes</c> (paged),
/// <c>GET /storage/bucket-files/{id}/stream</c>, <c>POST /storage/buckets/{id}/upload</c> (drained; the size it reports is the whole multipart body's),
/// <c>GET /stats</c> (how many token requests so far).
/// </remarks>
public static class LoopbackHub
{
    private static int _tokenRequests;

    public static async Task RunAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Limits.MinRequestBodyDataRate = null;
            kestrel.Limits.MinResponseDataRate = null;
        });
        var app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Console.WriteLine("listening " + address.TrimEnd('/') + "/");
        Console.Out.Flush();
        // The parent closes stdin when it is done.
        await Task.Run(() => Console.In.ReadToEnd());
        await app.StopAsync();
    }

    private static Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        long count = 10_000;
        if (path.StartsWith("/n", StringComparison.Ordinal))
        {
            var end = path.IndexOf('/', 1);
            count = long.Parse(path.AsSpan(2, end - 2), CultureInfo.InvariantCulture);
            path = path[end..];
        }
        var response = context.Response;
        if (path == "/auth/token") return TokenAsync(context);
        // What a Hub of the package's release reports, for each client's one release check.
        if (path == "/auth/") return Json(response, Status(HubRelease.Authup));
        if (path is "/core/" or "/storage/") return Json(response, Status(HubRelease.Hub));
        if (path == "/stats") return Json(response, System.Text.Encoding.UTF8.GetBytes(Volatile.Read(ref _tokenRequests).ToString(CultureInfo.InvariantCulture)));
        if (path == "/core/nodes") return PageAsync(context, (int)count);
        if (path.StartsWith("/core/nodes/", StringComparison.Ordinal)) return Json(response, Payloads.OneNode);
        if (path.StartsWith("/storage/bucket-files/", StringComparison.Ordinal)) return DownloadAsync(context, count);
        if (path.StartsWith("/storage/buckets/", StringComparison.Ordinal)) return UploadAsync(context);
        response.StatusCode = 404;
        return Task.CompletedTask;
    }

    private static byte[] Status(string version) =>
        System.Text.Encoding.UTF8.GetBytes("{\"version\":\"" + version + "\",\"timestamp\":1795314817036}");

    private static async Task TokenAsync(HttpContext context)
    {
        await DrainAsync(context.Request.Body);
        var n = Interlocked.Increment(ref _tokenRequests);
        await Json(context.Response, Payloads.Token(n));
    }

    private static async Task PageAsync(HttpContext context, int total)
    {
        var query = context.Request.Query;
        var limit = int.TryParse(query["page[limit]"], CultureInfo.InvariantCulture, out var l) ? l : Payloads.PageSize;
        var offset = int.TryParse(query["page[offset]"], CultureInfo.InvariantCulture, out var o) ? o : 0;
        if (limit != Payloads.PageSize || offset % Payloads.PageSize != 0 || offset + limit > total)
        {
            context.Response.StatusCode = 400;
            return;
        }
        var meta = Payloads.PageMeta(total, limit, offset);
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength = Payloads.PageData.Length + meta.Length;
        await context.Response.Body.WriteAsync(Payloads.PageData);
        await context.Response.Body.WriteAsync(meta);
    }

    private static Task Json(HttpResponse response, byte[] body)
    {
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, 0, body.Length);
    }

    private static async Task DownloadAsync(HttpContext context, long size)
    {
        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = size;
        var block = GeneratedStream.Block;
        for (long sent = 0; sent < size; sent += block.Length)
        {
            var n = (int)Math.Min(block.Length, size - sent);
            await context.Response.Body.WriteAsync(block.AsMemory(0, n), context.RequestAborted);
        }
    }

    private static async Task UploadAsync(HttpContext context)
    {
        var size = await DrainAsync(context.Request.Body);
        context.Response.StatusCode = 201;
        await Json(context.Response, Payloads.StoredFile(size));
    }

    private static async Task<long> DrainAsync(Stream body)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        long total = 0;
        int n;
        while ((n = await body.ReadAsync(buffer)) > 0) total += n;
        ArrayPool<byte>.Shared.Return(buffer);
        return total;
    }
}
