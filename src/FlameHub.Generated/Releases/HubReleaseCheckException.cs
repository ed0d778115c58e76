namespace FlameHub;

/// <summary>
/// The release check could not read the service's release: its <c>GET /</c> failed (after the
/// retries any GET gets), timed out, or answered something that is no status document (a 404, a
/// web page, broken or oversized JSON). The call was not sent; the next one checks again. The
/// inner exception, when there is one, is the failure itself.
/// </summary>
public sealed class HubReleaseCheckException : Exception
{
    internal HubReleaseCheckException(string message, string service, Exception? innerException)
        : base(message, innerException)
    {
        Service = service;
    }

    /// <summary>The service: <c>auth</c>, <c>core</c> or <c>storage</c>.</summary>
    public string Service { get; }
}
