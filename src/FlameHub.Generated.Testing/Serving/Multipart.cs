using System.Text;

namespace FlameHub.Testing.Serving;

/// <summary>One file part of a <c>multipart/form-data</c> body: its filename, its bytes (a slice of the body, not a copy) and its content type.</summary>
internal sealed record FilePart(string FileName, ArraySegment<byte> Content, string? ContentType);

/// <summary>Reads the file parts of a <c>multipart/form-data</c> body from its bytes, as a server would.</summary>
internal static class Multipart
{
    public static IReadOnlyList<FilePart>? Read(byte[] body, string? boundary)
    {
        if (string.IsNullOrEmpty(boundary)) return null;
        var delimiter = Encoding.ASCII.GetBytes("--" + boundary.Trim('"'));
        var parts = new List<FilePart>();
        var at = IndexOf(body, delimiter, 0);
        while (at >= 0)
        {
            var start = at + delimiter.Length;
            if (start + 1 < body.Length && body[start] == '-' && body[start + 1] == '-') break;
            start += 2; // CRLF after the delimiter
            var headersEnd = IndexOf(body, "\r\n\r\n"u8.ToArray(), start);
            if (headersEnd < 0) return null;
            var next = IndexOf(body, delimiter, headersEnd + 4);
            if (next < 0) return null;
            var headers = Encoding.UTF8.GetString(body, start, headersEnd - start);
            var contentEnd = next - 2; // CRLF before the next delimiter
            if (FileName(headers) is { } name) parts.Add(new FilePart(name, new ArraySegment<byte>(body, headersEnd + 4, contentEnd - headersEnd - 4), Header(headers, "Content-Type:")));
            at = next;
        }
        return parts;
    }

    private static string? FileName(string headers)
    {
        foreach (var line in headers.Split("\r\n"))
        {
            if (!line.StartsWith("Content-Disposition:", StringComparison.OrdinalIgnoreCase)) continue;
            var at = line.IndexOf("filename=\"", StringComparison.OrdinalIgnoreCase);
            if (at < 0) return null;
            var start = at + "filename=\"".Length;
            var end = line.IndexOf('"', start);
            return end < 0 ? null : line[start..end];
        }
        return null;
    }

    private static string? Header(string headers, string name) =>
        headers.Split("\r\n").FirstOrDefault(l => l.StartsWith(name, StringComparison.OrdinalIgnoreCase))?[name.Length..].Trim() is { Length: > 0 } value ? value : null;

    private static int IndexOf(byte[] haystack, byte[] needle, int from) =>
        from > haystack.Length ? -1 : haystack.AsSpan(from).IndexOf(needle) is var i and >= 0 ? from + i : -1;
}
