using System.Buffers;

namespace FlameHub;

/// <summary>
/// Reads the token endpoint's answer into memory inside each attempt, so the attempt's timeout
/// covers the body and a body that breaks off is retried like a failed connection. A body over
/// <c>maxBytes</c> is not read further: the connection is dropped and the attempt fails.
/// </summary>
internal sealed class TokenAnswerReader(int maxBytes) : DelegatingHandler
{
    /// <summary>The default cap: a token answer is a few kilobytes.</summary>
    public const int DefaultMaxBytes = 1024 * 1024;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            var original = response.Content;
            response.Content = await BufferAsync(request, response, cancellationToken).ConfigureAwait(false);
            original.Dispose();
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    private async Task<HttpContent> BufferAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var content = response.Content;
        if (content.Headers.ContentLength > maxBytes) throw TooLarge(request, response);
        using var body = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            while (true)
            {
                int read;
                try
                {
                    read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
                }
                catch (IOException exception)
                {
                    throw new HttpRequestException(exception is HttpIOException io ? io.HttpRequestError : HttpRequestError.Unknown,
                        $"The token endpoint's answer broke off after {body.Length} bytes: {exception.Message}", exception);
                }
                if (read == 0) break;
                if (body.Length + read > maxBytes) throw TooLarge(request, response);
                body.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        var buffered = new ByteArrayContent(body.ToArray());
        foreach (var (name, values) in content.Headers)
        {
            if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) buffered.Headers.TryAddWithoutValidation(name, values);
        }
        return buffered;
    }

    private HubApiException TooLarge(HttpRequestMessage request, HttpResponseMessage response) => HubApiException.Refused(
        (int)response.StatusCode, $"the token endpoint's answer is longer than {Describe(maxBytes)}; it was not read further",
        request.Method.Method, request.RequestUri?.AbsolutePath, HubHeaders.Of(response));

    private static string Describe(int bytes) => bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MiB" : $"{bytes} bytes";
}
