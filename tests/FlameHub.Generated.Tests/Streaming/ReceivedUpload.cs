using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace FlameHub.Generated.Tests.Streaming;

/// <summary>A multipart request as a loopback server received it: its headers, raw body and parts.</summary>
public sealed record ReceivedUpload(string ContentType, long? ContentLength, string? TransferEncoding, byte[] Body, IReadOnlyList<ReceivedPart> Parts)
{
    /// <summary>Reads the whole request (small bodies only) and splits it at the boundary.</summary>
    public static async Task<ReceivedUpload> ReadAsync(HttpRequest request)
    {
        var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(request.ContentType).Boundary).Value!;
        var reader = new MultipartReader(boundary, new MemoryStream(body.ToArray()));
        var parts = new List<ReceivedPart>();
        while (await reader.ReadNextSectionAsync() is { } section)
        {
            var bytes = new MemoryStream();
            await section.Body.CopyToAsync(bytes);
            parts.Add(new ReceivedPart(section.Headers!["Content-Disposition"].ToString(), section.ContentType, bytes.ToArray()));
        }
        return new ReceivedUpload(request.ContentType!, request.ContentLength, request.Headers.TransferEncoding.ToString(), body.ToArray(), parts);
    }
}

/// <summary>One part of a received multipart body.</summary>
public sealed record ReceivedPart(string ContentDisposition, string? ContentType, byte[] Body);
