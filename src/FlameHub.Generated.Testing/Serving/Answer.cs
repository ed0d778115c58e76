using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using FlameHub.Testing.Model;

namespace FlameHub.Testing.Serving;

/// <summary>Builds the fake's HTTP answers.</summary>
internal static class Answer
{
    public static HttpResponseMessage Json(int status, JsonNode body)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status)
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        return response;
    }

    public static HttpResponseMessage Error(ErrorTemplate error, IReadOnlyList<string>? attributes = null, IReadOnlyDictionary<string, string>? values = null, JsonObject? sent = null) =>
        Json(error.Status, error.Render(attributes, values, sent));

    public static HttpResponseMessage Bytes(byte[] content, string contentType)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = body };
    }

    /// <summary>A record as the operation's document declares it: bare, or as <c>{data, meta: {}}</c>.</summary>
    public static HttpResponseMessage Record(OperationModel operation, JsonObject entity, JsonObject? meta = null) =>
        Json(operation.Status, operation.Enveloped ? new JsonObject { ["data"] = entity, ["meta"] = meta ?? [] } : entity);

    public static HttpResponseMessage List(int status, IEnumerable<JsonObject> page, JsonObject meta) =>
        Json(status, new JsonObject { ["data"] = new JsonArray(page.Select(e => (JsonNode)e).ToArray()), ["meta"] = meta });
}
