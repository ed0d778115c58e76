namespace FlameHub;

/// <summary>Hands a streamed response body to the caller as a <see cref="Stream"/>.</summary>
internal static class DownloadStream
{
    /// <summary>As <see cref="OpenAsync(HttpResponseMessage, TimeSpan, TimeProvider, IProgress{long}?, CancellationToken)"/>, without an idle limit or progress.</summary>
    public static Task<Stream> OpenAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        OpenAsync(response, Timeout.InfiniteTimeSpan, TimeProvider.System, null, cancellationToken);

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
    /// <param name="idleLimit">How long one read may wait for bytes (the stream's ReadTimeout); infinite for no limit.</param>
    /// <param name="clock">The clock the idle limit runs on.</param>
    /// <param name="progress">
    /// Receives the bytes read so far, at most every <see cref="TransferProgress.Interval"/> and once
    /// more at the end of the body; null for no reports.
    /// </param>
    /// <param name="cancellationToken">Cancels opening the body.</param>
    public static async Task<Stream> OpenAsync(HttpResponseMessage response, TimeSpan idleLimit, TimeProvider clock, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        try
        {
            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            // A decompressed body has no Content-Length (the handler removes it): its end is the read of nothing.
            var counter = TransferProgress.For(progress, total: response.Content.Headers.ContentLength ?? -1);
            return new ResponseStream(response, body, idleLimit, clock, counter);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
