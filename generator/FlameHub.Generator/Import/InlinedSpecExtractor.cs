using System.Text.Json;
using System.Text.Json.Nodes;

namespace FlameHub.Generator.Import;

/// <summary>
/// Finds the OpenAPI document in what a Hub serves: either the JSON document itself (Swagger 2.0,
/// OpenAPI 3.0 or 3.1), or the Swagger UI page of <c>GET /docs/</c>, which inlines the document
/// as <c>"spec": {...}</c>.
/// </summary>
public static class InlinedSpecExtractor
{
    private const string SpecMarker = "\"spec\":";

    public static JsonObject Extract(string text, string source)
    {
        var trimmed = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        JsonObject document;
        if (trimmed.StartsWith('{'))
        {
            document = Parse(trimmed, source, "not valid JSON");
        }
        else if (trimmed.StartsWith('<'))
        {
            var marker = text.IndexOf(SpecMarker, StringComparison.Ordinal);
            if (marker < 0)
            {
                throw new GeneratorException($"{source}: an HTML page without an inlined \"spec\" document (expected a Hub /docs/ page).");
            }
            var start = text.IndexOf('{', marker + SpecMarker.Length);
            var end = start < 0 ? -1 : FindObjectEnd(text, start);
            if (end < 0)
            {
                throw new GeneratorException($"{source}: the inlined \"spec\" document is cut off.");
            }
            document = Parse(text[start..(end + 1)], source, "the inlined \"spec\" is not valid JSON");
        }
        else
        {
            throw new GeneratorException($"{source}: neither a JSON document nor a Hub /docs/ HTML page.");
        }

        var isSwagger = document["swagger"]?.GetValueKind() == JsonValueKind.String;
        var isOpenApi = document["openapi"]?.GetValueKind() == JsonValueKind.String;
        if ((!isSwagger && !isOpenApi) || document["paths"] is not JsonObject)
        {
            throw new GeneratorException($"{source}: JSON, but not a Swagger/OpenAPI document (no 'swagger'/'openapi' version or no 'paths').");
        }
        var version = (isSwagger ? document["swagger"] : document["openapi"])!.GetValue<string>();
        if (isSwagger ? version != "2.0" : !(version.StartsWith("3.0", StringComparison.Ordinal) || version.StartsWith("3.1", StringComparison.Ordinal)))
        {
            throw new GeneratorException($"{source}: {(isSwagger ? "Swagger" : "OpenAPI")} {version}, but only Swagger 2.0 and OpenAPI 3.0 and 3.1 can be read.");
        }
        return document;
    }

    private static JsonObject Parse(string json, string source, string problem)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject
                ?? throw new GeneratorException($"{source}: {problem} (not an object).");
        }
        catch (JsonException e)
        {
            throw new GeneratorException($"{source}: {problem} ({e.Message}).");
        }
    }

    /// <summary>Index of the brace closing the object at <paramref name="start"/>, skipping strings.</summary>
    private static int FindObjectEnd(string text, int start)
    {
        var depth = 0;
        var inString = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
                continue;
            }
            switch (c)
            {
                case '"': inString = true; break;
                case '{': depth++; break;
                case '}':
                    if (--depth == 0) return i;
                    break;
            }
        }
        return -1;
    }
}
