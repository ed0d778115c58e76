using System.Text.Json.Nodes;

namespace FlameHub.Generator.Normalize;

/// <summary>
/// The part of JSONPath (RFC 9535) that overlay targets need: <c>$</c>, <c>.name</c>,
/// <c>['name']</c>, <c>.*</c> and <c>[*]</c>.
/// </summary>
public static class JsonPath
{
    public static IReadOnlyList<JsonNode> Select(JsonNode root, string path)
    {
        if (!path.StartsWith('$')) throw new GeneratorException($"JSONPath '{path}' must start with '$'.");
        IEnumerable<JsonNode> current = [root];
        foreach (var step in Steps(path))
        {
            current = current.SelectMany(node => Apply(node, step)).ToList();
        }
        return current.ToList();
    }

    private static IEnumerable<JsonNode> Apply(JsonNode node, string? step) => (node, step) switch
    {
        (JsonObject o, null) => o.Select(p => p.Value).OfType<JsonNode>(),
        (JsonArray a, null) => a.OfType<JsonNode>(),
        (JsonObject o, _) when o[step!] is { } child => [child],
        _ => [],
    };

    /// <summary>The member names of the path; null stands for a wildcard.</summary>
    private static IEnumerable<string?> Steps(string path)
    {
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = i + 1;
                while (end < path.Length && path[end] != '.' && path[end] != '[') end++;
                var name = path[(i + 1)..end];
                yield return name == "*" ? null : name;
                i = end;
            }
            else if (path[i] == '[')
            {
                if (path.AsSpan(i).StartsWith("[*]"))
                {
                    yield return null;
                    i += 3;
                    continue;
                }
                var quote = path[i + 1];
                if (quote is not ('\'' or '"')) throw new GeneratorException($"JSONPath '{path}': only quoted names and [*] are supported in brackets.");
                var close = path.IndexOf(quote + "]", i + 2, StringComparison.Ordinal);
                if (close < 0) throw new GeneratorException($"JSONPath '{path}': unclosed bracket.");
                yield return path[(i + 2)..close];
                i = close + 2;
            }
            else
            {
                throw new GeneratorException($"JSONPath '{path}': unexpected '{path[i]}' at {i}.");
            }
        }
    }
}
