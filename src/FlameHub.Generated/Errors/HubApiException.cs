using System.Net;
using System.Text;
using System.Text.Json;

namespace FlameHub;

/// <summary>
/// The Hub answered with a status the operation does not expect. The message reads like the
/// official Python client's: <c>received status code 400 (undefined): The attributes name, type are invalid.</c>
/// </summary>
public class HubApiException : Exception
{
    private static readonly IReadOnlyDictionary<string, IEnumerable<string>> NoHeaders = new Dictionary<string, IEnumerable<string>>();

    /// <summary>Creates the exception from a response; the body is parsed here, whatever it holds.</summary>
    /// <param name="statusCode">The HTTP status code of the response.</param>
    /// <param name="responseText">The response body as text, if any.</param>
    /// <param name="method">The request method.</param>
    /// <param name="path">The request path, without host.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="innerException">The cause, if any.</param>
    public HubApiException(int statusCode, string? responseText, string? method = null, string? path = null,
        IReadOnlyDictionary<string, IEnumerable<string>>? headers = null, Exception? innerException = null)
        : this(statusCode, HubErrorBody.Parse(responseText), responseText, method, path, headers, innerException)
    {
    }

    private protected HubApiException(int statusCode, HubErrorBody body, string? responseText, string? method, string? path,
        IReadOnlyDictionary<string, IEnumerable<string>>? headers, Exception? innerException)
        : this(null, statusCode, body, responseText, method, path, headers is null ? NoHeaders : HubHeaders.Normalize(headers), innerException)
    {
    }

    private HubApiException(string? message, int statusCode, HubErrorBody body, string? responseText, string? method, string? path,
        IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception? innerException)
        : base(message ?? RedirectText.Describe(statusCode, headers) ?? body.Describe(statusCode), innerException)
    {
        StatusCode = statusCode;
        Code = body.Code;
        HubMessage = body.Message;
        Body = body.Json;
        Response = responseText;
        Method = method;
        Path = path;
        Headers = headers;
    }

    /// <summary>The HTTP status code of the response.</summary>
    public int StatusCode { get; }

    /// <summary>The Hub's error code (<c>NOT_FOUND</c>, <c>entity_not_found</c>, <c>invalid_credentials</c>, <c>undefined</c>...), if the body carried one.</summary>
    public string? Code { get; }

    /// <summary>The Hub's own error message, if the body carried one.</summary>
    public string? HubMessage { get; }

    /// <summary>
    /// The whole JSON error body, extra members included: <c>children</c> and <c>attributes</c> (Hub 0.8),
    /// the validation <c>issues</c> (<c>{type, path, message, code, data}</c>, Hub 0.14 and Authup), OAuth2's <c>error</c> and <c>hint</c>
    /// (read them with <see cref="JsonElement.GetProperty(string)"/> or <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/>);
    /// null when the body was not a JSON object. <see cref="Response"/> has the same body as text.
    /// </summary>
    public JsonElement? Body { get; }

    /// <summary>The response body as text, if it was read.</summary>
    public string? Response { get; }

    /// <summary>The request method, for example <c>POST</c>.</summary>
    public string? Method { get; }

    /// <summary>The request path, for example <c>/core/nodes</c>.</summary>
    public string? Path { get; }

    /// <summary>
    /// The response headers, names compared without case; each value displays as the header's text.
    /// The values of <c>Set-Cookie</c>, <c>Cookie</c>, <c>Authorization</c> and <c>Proxy-Authorization</c> read <c>***</c>;
    /// <c>Location</c> and <c>Content-Location</c> come without user info, query or fragment.
    /// </summary>
    public IReadOnlyDictionary<string, IEnumerable<string>> Headers { get; }

    /// <summary>Whether trying again later can succeed (408, 429, 502, 503, 504).</summary>
    public bool IsTransient => IsTransientStatus(StatusCode);

    /// <summary>The usual text, then the answer's headers as <c>Name: value</c> lines (secrets redacted).</summary>
    public override string ToString()
    {
        if (Headers.Count == 0) return base.ToString();
        var text = new StringBuilder(base.ToString()).AppendLine().Append("Response headers:");
        foreach (var (name, values) in Headers) text.AppendLine().Append(name).Append(": ").Append(string.Join(", ", values));
        return text.ToString();
    }

    /// <summary>An answer the library refuses for a reason of its own, told as <c>received status code N (problem)</c>; the body is not kept.</summary>
    internal static HubApiException Refused(int statusCode, string problem, string method, string? path,
        IReadOnlyDictionary<string, IEnumerable<string>>? headers, Exception? innerException = null) =>
        new($"received status code {statusCode} ({problem})", statusCode, default, null, method, path,
            headers is null ? NoHeaders : HubHeaders.Normalize(headers), innerException);

    internal static HubApiException UnreadableBody(int statusCode, string? responseText, Type expected, string method, string? path,
        IReadOnlyDictionary<string, IEnumerable<string>> headers, Exception innerException) =>
        new(statusCode, HubErrorBody.Unreadable(responseText, expected.Name), responseText, method, path, headers, innerException);

    internal static HubApiException NotTheHubsNotFound(HubErrorBody body, string? responseText, string method, string? path,
        IReadOnlyDictionary<string, IEnumerable<string>> headers, Uri baseUrl) =>
        new(404, body.WithHint($"a 404 that is not the Hub's not-found answer: is the base URL right? ({baseUrl})"), responseText, method, path, headers, null);

    internal static bool IsTransientStatus(int statusCode) => statusCode is
        (int)HttpStatusCode.RequestTimeout or 429 or (int)HttpStatusCode.BadGateway
        or (int)HttpStatusCode.ServiceUnavailable or (int)HttpStatusCode.GatewayTimeout;
}
