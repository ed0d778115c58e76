using System.Net;
using Microsoft.Extensions.Logging;

namespace FlameHub;

/// <summary>
/// The handler chain under every client: <c>X-Request-Id</c> (and its tag on the operation's span), then retries and
/// timeouts, then authentication, then logging of each request on the wire.
/// </summary>
public static class HubHttpPipeline
{
    private static readonly Lazy<SocketsHttpHandler> SharedTransport = new(CreateTransport);

    /// <summary>
    /// The library's whole handler chain for <paramref name="options"/> over <paramref name="transport"/>,
    /// as one handler: for hosts that build their own <see cref="HttpClient"/> (put it under your
    /// own handlers, or send requests of your own through it). Each attempt is limited by
    /// <see cref="HubClientOptions.AttemptTimeout"/> and retried as <see cref="HubClientOptions.Retry"/>
    /// says; <see cref="HubClientOptions.Timeout"/> and <see cref="HubClientOptions.MaxResponseBytes"/>
    /// are the clients' own and do not apply here: set <see cref="HttpClient.Timeout"/> for the limit
    /// of a whole call. Disposing it leaves <paramref name="transport"/> open.
    /// </summary>
    /// <param name="options">Credential, retries, attempt timeout, logging and correlation id.</param>
    /// <param name="transport">
    /// The innermost handler; null uses a shared pooled one with gzip/deflate decompression that
    /// follows no redirects. It is not disposed with the chain. A handler of your own that follows
    /// redirects (<see cref="SocketsHttpHandler.AllowAutoRedirect"/>, on by default) sends a request
    /// on to wherever a 3xx answer points: .NET drops the <c>Authorization</c> header then, but the
    /// body (on 307 and 308) and the other headers go along. Turn it off
    /// (<c>new SocketsHttpHandler { AllowAutoRedirect = false }</c>).
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException">A setting of <paramref name="options"/> is out of range.</exception>
    public static HttpMessageHandler CreateHandler(HubClientOptions options, HttpMessageHandler? transport = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        HttpMessageHandler inner = new NonDisposingHandler(transport ?? SharedTransport.Value);
        foreach (var handler in CreateDelegatingHandlers(options).Reverse())
        {
            handler.InnerHandler = inner;
            inner = handler;
        }
        return inner;
    }

    /// <summary>
    /// The delegating handlers of the chain, outermost first: the one definition of which handlers
    /// run in which order, used by <see cref="CreateHandler"/> (and so the clients' own
    /// constructors) and by <c>AddFlameHub</c> alike. Tracing and retries always; authentication
    /// with a credential; logging with a logger factory.
    /// </summary>
    /// <param name="options">The client settings.</param>
    internal static IReadOnlyList<DelegatingHandler> CreateDelegatingHandlers(HubClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var handlers = new List<DelegatingHandler>
        {
            new HubTracingHandler(options.CorrelationId ?? Guid.NewGuid().ToString("D")),
            new HubResilienceHandler(options),
        };
        if (options.Credential is not null) handlers.Add(new HubAuthenticationHandler(options.Credential));
        if (options.LoggerFactory is not null) handlers.Add(new HubLoggingHandler(options.LoggerFactory.CreateLogger("FlameHub.Http")));
        return handlers;
    }

    /// <summary>
    /// An <see cref="HttpClient"/> for <paramref name="baseUrl"/> over the chain. Its own timeout is
    /// off: the clients apply <see cref="HubClientOptions.Timeout"/> to each whole call.
    /// </summary>
    /// <param name="baseUrl">The service's base URL, with or without a trailing slash.</param>
    /// <param name="options">The client settings.</param>
    /// <param name="transport">The innermost handler, as in <see cref="CreateHandler"/>.</param>
    internal static HttpClient CreateHttpClient(Uri baseUrl, HubClientOptions options, HttpMessageHandler? transport = null) =>
        new(CreateHandler(options, transport), disposeHandler: true)
        {
            BaseAddress = HubUrl.WithTrailingSlash(baseUrl),
            Timeout = Timeout.InfiniteTimeSpan,
        };

    /// <summary>
    /// The primary handler the library uses: pooled connections, gzip and deflate decompression,
    /// and no redirects followed (a 3xx answer is a <see cref="HubApiException"/> naming its
    /// <c>Location</c>), so neither a request's body nor its headers go anywhere but where they were sent.
    /// </summary>
    internal static SocketsHttpHandler CreateTransport() => new()
    {
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        AllowAutoRedirect = false,
    };

    /// <summary>Keeps a shared or caller-owned transport alive when a client's chain is disposed.</summary>
    private sealed class NonDisposingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override void Dispose(bool disposing)
        {
            // The inner handler is not ours to dispose.
        }
    }
}
