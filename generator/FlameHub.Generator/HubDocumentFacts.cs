using System.Text.Json.Nodes;

namespace FlameHub.Generator;

/// <summary>Small facts about a document that several steps need.</summary>
public static class HubDocumentFacts
{
    public static readonly string[] HttpMethods = ["get", "put", "post", "delete", "patch", "head", "options"];

    public static int CountOperations(JsonObject document) =>
        (document["paths"] as JsonObject)?.Sum(p => (p.Value as JsonObject)?.Count(m => HttpMethods.Contains(m.Key)) ?? 0) ?? 0;
}
