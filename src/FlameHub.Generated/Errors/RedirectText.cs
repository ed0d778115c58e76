namespace FlameHub;

/// <summary>
/// The message of a 3xx answer: the library never follows a redirect (a credential must not go
/// where the Hub did not ask for it), so the caller learns where it pointed instead.
/// </summary>
internal static class RedirectText
{
    private const int MaxShown = 200;

    /// <summary>The message for a redirect, or null when <paramref name="statusCode"/> is not one with a <c>Location</c>.</summary>
    public static string? Describe(int statusCode, IReadOnlyDictionary<string, IEnumerable<string>> headers)
    {
        if (statusCode is < 300 or > 399) return null;
        var location = HubHeaders.First(headers, "Location");
        if (string.IsNullOrWhiteSpace(location)) return null;
        return $"received status code {statusCode} (redirect to {Shown(location.Trim())}, not followed: the library does not follow redirects)";
    }

    /// <summary>The location without user info, query or fragment, which may carry secrets.</summary>
    public static string Shown(string location)
    {
        string shown;
        if (location.StartsWith("//", StringComparison.Ordinal))
        {
            // Scheme-relative: parse with a stand-in scheme, show without it.
            shown = Uri.TryCreate("http:" + location, UriKind.Absolute, out var uri) ? WithoutSecrets(uri)["http:".Length..] : Cut(location);
        }
        else if (!location.StartsWith('/') && Uri.TryCreate(location, UriKind.Absolute, out var absolute) && !absolute.IsFile)
        {
            shown = WithoutSecrets(absolute);
        }
        else
        {
            shown = Cut(location);
        }
        return shown.Length <= MaxShown ? shown : shown[..MaxShown] + "…";
    }

    private static string WithoutSecrets(Uri uri) =>
        uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);

    private static string Cut(string location)
    {
        var end = location.IndexOfAny(['?', '#']);
        var path = end < 0 ? location : location[..end];
        // "scheme://user:secret@host/..." that Uri would not parse: drop the user info all the same.
        var authority = path.IndexOf("://", StringComparison.Ordinal);
        if (authority >= 0)
        {
            var start = authority + 3;
            var slash = path.IndexOf('/', start);
            var at = path.LastIndexOf('@', slash < 0 ? path.Length - 1 : slash);
            if (at >= start) path = path[..start] + path[(at + 1)..];
        }
        return path;
    }
}
