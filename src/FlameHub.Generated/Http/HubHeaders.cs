namespace FlameHub;

/// <summary>Response headers as the exceptions carry them.</summary>
internal static class HubHeaders
{
    public static IReadOnlyDictionary<string, IEnumerable<string>> Of(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers) headers[name] = values;
        foreach (var (name, values) in response.Content.Headers) headers[name] = values;
        return headers;
    }
}
