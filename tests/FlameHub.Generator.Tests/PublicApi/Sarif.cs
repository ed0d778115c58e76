using System.Text.Json.Nodes;

namespace FlameHub.Generator.Tests.PublicApi;

/// <summary>SARIF 2.1 error logs shaped like the compiler's, with the analyzers' properties.</summary>
internal static class Sarif
{
    public static JsonObject Result(string rule, string apiName, string siblings = "", bool suppressed = false)
    {
        var custom = new JsonObject { ["APIName"] = apiName };
        if (rule == "RS0016") custom["ApiNamesOfSiblingsToRemove"] = siblings;
        var result = new JsonObject
        {
            ["ruleId"] = rule,
            ["level"] = "warning",
            ["message"] = new JsonObject { ["text"] = $"Symbol '{apiName}' ..." },
            ["properties"] = new JsonObject { ["warningLevel"] = 1, ["customProperties"] = custom },
        };
        if (suppressed) result["suppressions"] = new JsonArray(new JsonObject { ["kind"] = "inSource" });
        return result;
    }

    public static string Write(string path, params JsonObject[] results)
    {
        var log = new JsonObject
        {
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject { ["results"] = new JsonArray(results.Cast<JsonNode>().ToArray()) }),
        };
        File.WriteAllText(path, log.ToJsonString());
        return path;
    }
}
