namespace FlameHub;

/// <summary>Reads answer bodies into memory, never more than a limit, whatever the server sends.</summary>
internal static class ResponseBody
{
    /// <summary>How much of an error body is kept for the exception; the rest is dropped with the connection.</summary>
    public const int ErrorBodyLimit = 64 * 1024;

    /// <summary>
    /// The whole body, decompressed; null when it holds more than <paramref name="limit"/> bytes
    /// (refused at once when its Content-Length says so, otherwise after reading <paramref name="limit"/> + 1).
    /// The caller disposes it once read.
    /// </summary>
    /// <param name="content">The body.</param>
    /// <param name="limit">The most bytes it may have.</param>
    /// <param name="call">The call's limit and cancellation, checked before every read.</param>
    public static async Task<BodyBuffer?> ReadAsync(HttpContent content, long limit, CallTimeout call)
    {
        var declared = content.Headers.ContentLength;
        if (declared > limit) return null;
        var buffer = new BodyBuffer(declared);
        try
        {
            var complete = await FillAsync(content, buffer, limit < long.MaxValue ? limit + 1 : limit, call).ConfigureAwait(false);
            if (complete && buffer.Length <= limit) return buffer;
        }
        catch
        {
            buffer.Dispose();
            throw;
        }
        buffer.Dispose();
        return null;
    }

    /// <summary>
    /// Up to <see cref="ErrorBodyLimit"/> bytes of an error body as text; what was read before the
    /// body broke off or turned out undecodable, or null if nothing was.
    /// </summary>
    public static async Task<string?> ReadErrorTextAsync(HttpContent content, CancellationToken cancellationToken)
    {
        using var buffer = new BodyBuffer(content.Headers.ContentLength);
        try
        {
            await FillAsync(content, buffer, ErrorBodyLimit, CallTimeout.None(cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsBodyFault(exception) && !cancellationToken.IsCancellationRequested)
        {
            // A body that breaks off still leaves the status, and what did arrive, to report.
            if (buffer.Length == 0) return null;
        }
        return buffer.Text(ErrorBodyLimit);
    }

    /// <summary>Whether <paramref name="exception"/> is how a broken, cut-off or undecodable body shows while it is read.</summary>
    public static bool IsBodyFault(Exception exception) => exception is IOException or HttpRequestException or InvalidDataException;

    /// <summary>Reads until the end of the body or <paramref name="maxBytes"/>; true when the end was reached.</summary>
    private static async Task<bool> FillAsync(HttpContent content, BodyBuffer buffer, long maxBytes, CallTimeout call)
    {
        var stream = await content.ReadAsStreamAsync(call.Token).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            while (buffer.Length < maxBytes)
            {
                // A read of bytes already received completes without looking at its token.
                call.ThrowIfCancellationRequested();
                var read = await stream.ReadAsync(buffer.GetMemory(maxBytes - buffer.Length), call.Token).ConfigureAwait(false);
                if (read == 0) return true;
                buffer.Advance(read);
            }
            return false;
        }
    }
}
