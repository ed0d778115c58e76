namespace FlameHub;

/// <summary>
/// Response headers as the exceptions carry them: values that display as text, secrets redacted
/// (cookie and authorization values read <c>***</c>, locations lose user info and query).
/// </summary>
internal static class HubHeaders
{
    /// <summary>What a redacted value reads.</summary>
    public const string Redacted = "***";

    private static readonly HashSet<string> Secret = new(StringComparer.OrdinalIgnoreCase)
    {
        "Set-Cookie", "Cookie", "Authorization", "Proxy-Authorization",
    };

    private static readonly HeaderValues RedactedValue = new([Redacted]);

    public static IReadOnlyDictionary<string, IEnumerable<string>> Of(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IEnumerable<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers) headers[name] = Displayable(name, values);
        foreach (var (name, values) in response.Content.Headers) headers[name] = Displayable(name, values);
        return headers;
    }

    /// <summary>A copy of <paramref name="headers"/> in the same form as <see cref="Of"/> gives, names compared without case.</summary>
    public static IReadOnlyDictionary<string, IEnumerable<string>> Normalize(IReadOnlyDictionary<string, IEnumerable<string>> headers)
    {
        var copy = new Dictionary<string, IEnumerable<string>>(headers.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in headers) copy[name] = Displayable(name, values ?? []);
        return copy;
    }

    /// <summary>The first value of <paramref name="name"/>, whatever the dictionary's comparer.</summary>
    public static string? First(IReadOnlyDictionary<string, IEnumerable<string>> headers, string name)
    {
        if (headers.TryGetValue(name, out var values)) return values?.FirstOrDefault();
        foreach (var (key, found) in headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return found?.FirstOrDefault();
        }
        return null;
    }

    private static readonly HashSet<string> Locations = new(StringComparer.OrdinalIgnoreCase) { "Location", "Content-Location" };

    private static IEnumerable<string> Displayable(string name, IEnumerable<string> values)
    {
        if (Secret.Contains(name)) return RedactedValue;
        if (values is HeaderValues ready) return ready;
        // A location's user info or query can carry a code or a signature: kept as RedirectText shows it.
        return new HeaderValues(Locations.Contains(name) ? values.Select(RedirectText.Shown) : values);
    }
}
