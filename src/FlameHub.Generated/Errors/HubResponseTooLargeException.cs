namespace FlameHub;

/// <summary>
/// A JSON answer was longer than <see cref="HubClientOptions.MaxResponseBytes"/>: the call stopped
/// reading it and released the connection instead of holding it all in memory.
/// </summary>
public sealed class HubResponseTooLargeException : HubApiException
{
    internal HubResponseTooLargeException(int statusCode, long limit, string method, string? path,
        IReadOnlyDictionary<string, IEnumerable<string>> headers)
        : base(statusCode, HubErrorBody.Unread(
            $"The answer to {method} {path} exceeded MaxResponseBytes ({Size(limit)}); raise HubClientOptions.MaxResponseBytes if the Hub really sends that much."),
            null, method, path, headers, null)
    {
        Limit = limit;
    }

    /// <summary>The limit the answer exceeded, in bytes (<see cref="HubClientOptions.MaxResponseBytes"/>).</summary>
    public long Limit { get; }

    private static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)} MiB",
        >= 1024 when bytes % 1024 == 0 => $"{bytes / 1024} KiB",
        _ => $"{bytes} bytes",
    };
}
