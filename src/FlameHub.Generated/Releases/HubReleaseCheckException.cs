namespace FlameHub;

/// <summary>
/// The release check could not read the service's release: its <c>GET /</c> answered something
/// that is no Hub status document (a 404 or another 4xx, a web page, broken or oversized JSON, a
/// version that is no release). The call was not sent; the next one checks again. The inner
/// exception, when there is one, is what the answer was. A service that fails at <c>GET /</c> (a
/// transport error, a timeout, a 5xx after the retries) fails the call with that failure instead,
/// as the call itself would have.
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
