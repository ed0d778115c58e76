namespace FlameHub;

/// <summary>Hands a streamed response body to the caller as a <see cref="Stream"/>.</summary>
internal static class DownloadStream
{
    /// <summary>
    /// The body of <paramref name="response"/>, read from the connection as the caller reads:
    /// the bytes exactly as the handler delivers them (whatever the Content-Type says; only a
    /// Content-Encoding is undone, by the handler's automatic decompression).
    /// </summary>
    /// <param name="response">
    /// A successful response, received with <see cref="HttpCompletionOption.ResponseHeadersRead"/>
    /// (otherwise the body was already buffered). Its ownership passes here: it is disposed when the
    /// returned stream is, or at once if opening the body fails.
    /// </param>
    /// <param name="cancellationToken">Cancels opening the body.</param>
    public static async Task<Stream> OpenAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        try
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new ResponseStream(response, body);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
