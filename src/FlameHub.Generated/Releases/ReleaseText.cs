namespace FlameHub;

/// <summary>Text from a service made safe for messages and logs: short, printable ASCII only.</summary>
internal static class ReleaseText
{
    private const int MaxLength = 40;

    public static string Safe(string text)
    {
        var chars = text.Length > MaxLength ? text[..MaxLength] : text;
        var safe = string.Create(chars.Length, chars, static (span, source) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = source[i] is >= ' ' and <= '~' ? source[i] : '?';
        });
        return text.Length > MaxLength ? safe + "…" : safe;
    }

    /// <summary>The reason of a failed check, from its exception; the library's own messages carry no secrets.</summary>
    public static string Describe(Exception? failure) => failure switch
    {
        null => "no reason",
        FormatException format => format.Message,
        HttpRequestException { InnerException: TimeoutException } timeout => timeout.Message.TrimEnd('.'),
        HubApiException api => $"GET {api.Path} answered {api.StatusCode}: {api.Message.TrimEnd('.')}",
        _ => failure.Message.TrimEnd('.'),
    };

    /// <summary>A URL without user information, query or fragment.</summary>
    public static string Where(Uri url) => url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
}
