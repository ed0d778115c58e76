using System.Text.Json.Nodes;

namespace FlameHub.Testing.Model;

/// <summary>The release's documents and quirks, embedded into this assembly by its build.</summary>
internal static class EmbeddedData
{
    public static readonly string[] Services = ["auth", "core", "storage"];

    public static JsonObject Document(string service) => Read($"FlameHub.Testing.Documents.{service}.openapi.json");

    public static JsonObject Quirks(string name) => Read($"FlameHub.Testing.Quirks.{name}.json");

    private static JsonObject Read(string name)
    {
        using var stream = typeof(EmbeddedData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The resource {name} is missing from FlameHub.Generated.Testing.");
        return JsonNode.Parse(stream)?.AsObject() ?? throw new InvalidOperationException($"The resource {name} is empty.");
    }
}
