using System.Text;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace FlameHub.Generator.Normalize;

/// <summary>Swagger 2.0 (what Hub 0.8 serves) or OpenAPI 3.1 (later Hubs, first brought to 3.0 form) to OpenAPI 3.0, by Microsoft.OpenApi.</summary>
public static class SwaggerConverter
{
    public static async Task<JsonObject> ToOpenApi3Async(JsonObject document, string name, CancellationToken cancellationToken)
    {
        if (OpenApi31Downgrade.Applies(document)) document = OpenApi31Downgrade.Apply(document);
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(document.ToJsonString()));
        var result = await OpenApiDocument.LoadAsync(input, "json", new OpenApiReaderSettings(), cancellationToken);
        var errors = result.Diagnostic?.Errors ?? [];
        if (result.Document is null || errors.Count > 0)
        {
            throw new GeneratorException($"{name}: not a readable OpenAPI document ({string.Join("; ", errors.Select(e => e.ToString()))}).");
        }
        using var text = new StringWriter();
        result.Document.SerializeAsV3(new OpenApiJsonWriter(text));
        var converted = (JsonObject)JsonNode.Parse(text.ToString())!;
        converted["openapi"] = "3.0.3";
        converted.Remove("servers");
        return converted;
    }
}
