using System.Text.Json.Nodes;

namespace FlameHub.Generator.Normalize;

/// <summary>
/// Turns the root <c>nswag.json</c> into one NSwag configuration per service: it fills the
/// <c>$(…)</c> variables and sets what depends on the document (the Authup types that core and
/// storage reuse), which NSwag's own string variables cannot carry.
/// </summary>
public static class NSwagConfigWriter
{
    public static string Write(string nswagTemplate, string templateDirectoryBase, string service, string inputJson, string outputFile, IReadOnlyList<string> sharedSchemas)
    {
        var pascal = Words.Pascal(service);
        var variables = new Dictionary<string, string>
        {
            ["InputJson"] = inputJson,
            ["OutputFile"] = outputFile,
            ["Namespace"] = "FlameHub." + pascal,
            ["ClientName"] = pascal + "Client",
        };
        var text = nswagTemplate;
        foreach (var (name, value) in variables)
        {
            text = text.Replace($"$({name})", JsonValue.Create(value).ToJsonString()[1..^1], StringComparison.Ordinal);
        }
        var config = JsonNode.Parse(text) as JsonObject ?? throw new GeneratorException("nswag.json: not a JSON object.");
        var client = config["codeGenerators"]?["openApiToCSharpClient"] as JsonObject
            ?? throw new GeneratorException("nswag.json: no codeGenerators.openApiToCSharpClient section.");
        // NSwag resolves relative paths against the configuration's folder, which is now obj/.
        if (client["templateDirectory"]?.GetValue<string>() is { Length: > 0 } templates && !Path.IsPathRooted(templates))
        {
            client["templateDirectory"] = Path.GetFullPath(Path.Combine(templateDirectoryBase, templates));
        }
        if (sharedSchemas.Count > 0)
        {
            var excluded = client["excludedTypeNames"] as JsonArray ?? [];
            foreach (var name in sharedSchemas) excluded.Add(name);
            client["excludedTypeNames"] = excluded.DeepClone();
            var usings = client["additionalNamespaceUsages"] as JsonArray ?? [];
            usings.Add("FlameHub.Auth");
            client["additionalNamespaceUsages"] = usings.DeepClone();
        }
        return CanonicalJson.Write(config);
    }
}
