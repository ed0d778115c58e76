using System.Text;
using Newtonsoft.Json;

namespace FlameHub;

/// <summary>
/// Reads a success answer's JSON: into memory within a size limit, then deserialized under the
/// call's timeout; whatever the server sent, the caller gets the result or one of the library's exceptions.
/// </summary>
internal static class JsonAnswer
{
    /// <summary>The answer's JSON as <typeparamref name="T"/>, read within <paramref name="maxBytes"/> and the call's limit.</summary>
    public static async Task<T> ReadAsync<T>(HttpRequestMessage request, HttpResponseMessage response, long maxBytes, CallTimeout call)
    {
        BodyBuffer? body;
        try
        {
            // Held in memory first: Newtonsoft reads synchronously and must not block on the network.
            body = await ResponseBody.ReadAsync(response.Content, maxBytes, call).ConfigureAwait(false);
        }
        catch (Exception exception) when (ResponseBody.IsBodyFault(exception))
        {
            call.Token.ThrowIfCancellationRequested();
            throw BodyFault(request, exception);
        }
        if (body is null) throw new HubResponseTooLargeException((int)response.StatusCode, maxBytes, request.Method.Method, HubClientBase.PathOf(request), HubHeaders.Of(response));
        using var held = body;
        try
        {
            // A reader's buffers no larger than the answer, and Newtonsoft's from the pool: an answer costs its objects, not buffers.
            using var reader = new StreamReader(body.OpenRead(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true, (int)Math.Clamp(body.Length, 128, 4096));
            using var json = new CancellableJsonReader(reader, call) { ArrayPool = CharPool.Shared };
            var result = HubJson.Serializer.Deserialize<T>(json);
            if (result is null) throw new JsonSerializationException("The body is empty or null.");
            return result;
        }
        catch (JsonException exception) when (call.Token.IsCancellationRequested)
        {
            // Newtonsoft wraps what the reader throws in places (extension data): it is still the cancellation.
            throw new OperationCanceledException(exception.Message, exception, call.Token);
        }
        catch (Exception exception) when (exception is JsonException or OverflowException or FormatException or InvalidCastException)
        {
            // A value Newtonsoft cannot fit (a number too large for its property) is as unreadable as broken JSON.
            throw HubApiException.UnreadableBody((int)response.StatusCode, body.Text(ResponseBody.ErrorBodyLimit), typeof(T), request.Method.Method, HubClientBase.PathOf(request), HubHeaders.Of(response), exception);
        }
    }

    private static HttpRequestException BodyFault(HttpRequestMessage request, Exception exception) => exception switch
    {
        InvalidDataException => new HttpRequestException(HttpRequestError.InvalidResponse,
            $"The answer to {request.Method} {HubClientBase.PathOf(request)} could not be decompressed: {exception.Message}", exception),
        _ => new HttpRequestException(exception is HttpIOException io ? io.HttpRequestError : HttpRequestError.Unknown,
            $"The answer to {request.Method} {HubClientBase.PathOf(request)} broke off while it was read: {exception.Message}", exception),
    };
}
