namespace FlameHub;

/// <summary>Base URL handling: a base without a trailing slash would lose its last segment.</summary>
internal static class HubUrl
{
    public static Uri WithTrailingSlash(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (!baseUrl.IsAbsoluteUri) throw new ArgumentException("The base URL must be absolute.", nameof(baseUrl));
        if (!string.IsNullOrEmpty(baseUrl.Query) || !string.IsNullOrEmpty(baseUrl.Fragment))
        {
            throw new ArgumentException("The base URL must not carry a query or fragment.", nameof(baseUrl));
        }
        return baseUrl.AbsolutePath.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
    }

    /// <summary>
    /// What keeps <paramref name="baseUrl"/> from being a service's base URL; null when nothing
    /// does. The URL is not echoed: it may carry a password or a key.
    /// </summary>
    public static string? Problem(Uri? baseUrl) => baseUrl switch
    {
        null => "is required",
        { IsAbsoluteUri: false } => "must be an absolute http or https URL",
        _ when baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps => "must be an http or https URL",
        _ when !string.IsNullOrEmpty(baseUrl.Query) || !string.IsNullOrEmpty(baseUrl.Fragment) => "must not carry a query or fragment",
        _ => null,
    };
}
