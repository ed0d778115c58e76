using System.Text.Json;

namespace FlameHub.Generator.PublicApi;

/// <summary>
/// What the public API analyzers said about one compilation, read from the compiler's SARIF 2.1
/// error log: the API lines to add (RS0016) and the declared lines that match nothing (RS0017).
/// Both carry the exact listing line in their <c>APIName</c> property, so nothing is re-derived here.
/// </summary>
public sealed record ApiDiagnostics(IReadOnlySet<string> Added, IReadOnlySet<string> Removed)
{
    private const string DeclareNewApi = "RS0016";
    private const string RemoveDeletedApi = "RS0017";
    // The analyzer joins the lines an added symbol replaces (its older signatures) with this.
    private const string SiblingSeparator = ";;";

    public static ApiDiagnostics Read(string sarifPath)
    {
        if (!File.Exists(sarifPath))
        {
            throw new GeneratorException($"no compiler error log at {sarifPath}: was the library compiled with FlameHubUpdatePublicApi=true?");
        }
        using var document = JsonDocument.Parse(File.ReadAllText(sarifPath));
        var added = new SortedSet<string>(StringComparer.Ordinal);
        var removed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
        {
            if (!run.TryGetProperty("results", out var results)) continue;
            foreach (var result in results.EnumerateArray())
            {
                var rule = result.TryGetProperty("ruleId", out var id) ? id.GetString() : null;
                if (rule is not (DeclareNewApi or RemoveDeletedApi) || IsSuppressed(result)) continue;
                var properties = CustomProperties(result);
                var name = properties.GetValueOrDefault("APIName")
                    ?? throw new GeneratorException($"{rule} in {sarifPath} has no APIName property; is this the PublicApiAnalyzers version the build expects?");
                if (rule == RemoveDeletedApi)
                {
                    removed.Add(name);
                    continue;
                }
                added.Add(name);
                foreach (var sibling in (properties.GetValueOrDefault("ApiNamesOfSiblingsToRemove") ?? "")
                    .Split(SiblingSeparator, StringSplitOptions.RemoveEmptyEntries))
                {
                    removed.Add(sibling);
                }
            }
        }
        return new ApiDiagnostics(added, removed);
    }

    // A diagnostic silenced in source (#pragma, [SuppressMessage]) is logged with a suppression.
    private static bool IsSuppressed(JsonElement result) =>
        result.TryGetProperty("suppressions", out var suppressions) && suppressions.GetArrayLength() > 0;

    private static Dictionary<string, string?> CustomProperties(JsonElement result) =>
        result.TryGetProperty("properties", out var properties) && properties.TryGetProperty("customProperties", out var custom)
            ? custom.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString(), StringComparer.Ordinal)
            : [];
}
