using System.Text.Json.Nodes;

namespace FlameHub.Generator.Report;

/// <summary>The operations of a Swagger 2.0 document, keyed <c>METHOD /path</c>, in path then method order.</summary>
public static class SwaggerOperations
{
    public static IEnumerable<(string Key, JsonObject Operation)> All(JsonObject document)
    {
        var paths = document["paths"] as JsonObject ?? [];
        foreach (var (path, item) in paths.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (item is not JsonObject methods) continue;
            foreach (var method in HubDocumentFacts.HttpMethods)
            {
                if (methods[method] is JsonObject operation) yield return (method.ToUpperInvariant() + " " + path, operation);
            }
        }
    }
}
