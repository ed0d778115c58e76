namespace FlameHub;

/// <summary>
/// Sends the correlation id as <c>X-Request-Id</c> and tags the operation's span with it. The span
/// itself is the client's (<see cref="HubOperationScope"/>): it covers the whole call, the
/// retries and the reading of the answer included, which a handler cannot see.
/// </summary>
internal sealed class HubTracingHandler : DelegatingHandler
{
    private readonly string _correlationId;

    /// <summary>Tags requests with <paramref name="correlationId"/>.</summary>
    /// <param name="correlationId">Sent as <c>X-Request-Id</c> unless a <see cref="HubCorrelation"/> scope or the request sets its own; visible ASCII only, at most 200 characters.</param>
    /// <exception cref="ArgumentException"><paramref name="correlationId"/> is empty, too long, or has a character a header cannot carry.</exception>
    public HubTracingHandler(string correlationId) => _correlationId = CorrelationId.Check(correlationId, nameof(correlationId));

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string? requestId;
        if (request.Headers.TryGetValues("X-Request-Id", out var ids))
        {
            requestId = ids.FirstOrDefault();
        }
        else
        {
            requestId = HubCorrelation.Current ?? _correlationId;
            request.Headers.TryAddWithoutValidation("X-Request-Id", requestId);
        }
        if (HubTelemetry.Source.HasListeners()) HubOperationScope.Of(request)?.Correlated(requestId);
        return base.SendAsync(request, cancellationToken);
    }
}
