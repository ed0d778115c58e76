using System.Diagnostics;

namespace FlameHub;

/// <summary>
/// Starts one <see cref="Activity"/> per call on the <c>FlameHub</c> source and sends the
/// correlation id as <c>X-Request-Id</c>.
/// </summary>
internal sealed class HubTracingHandler : DelegatingHandler
{
    internal static readonly ActivitySource Source = new(FlameHubDiagnostics.ActivitySourceName, typeof(HubTracingHandler).Assembly.GetName().Version?.ToString());

    private readonly string _correlationId;

    /// <summary>Traces requests and tags them with <paramref name="correlationId"/>.</summary>
    /// <param name="correlationId">Sent as <c>X-Request-Id</c> unless a <see cref="HubCorrelation"/> scope or the request sets its own; visible ASCII only, at most 200 characters.</param>
    /// <exception cref="ArgumentException"><paramref name="correlationId"/> is empty, too long, or has a character a header cannot carry.</exception>
    public HubTracingHandler(string correlationId) => _correlationId = CorrelationId.Check(correlationId, nameof(correlationId));

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Headers.Contains("X-Request-Id"))
        {
            request.Headers.TryAddWithoutValidation("X-Request-Id", HubCorrelation.Current ?? _correlationId);
        }
        using var activity = Source.StartActivity("FlameHub " + request.Method.Method, ActivityKind.Client);
        if (activity is null) return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);

        activity.SetTag("http.request.method", request.Method.Method);
        activity.SetTag("url.path", request.RequestUri?.AbsolutePath);
        activity.SetTag("server.address", request.RequestUri?.Host);
        activity.SetTag("flamehub.request_id", request.Headers.TryGetValues("X-Request-Id", out var ids) ? ids.FirstOrDefault() : null);
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            activity.SetTag("http.response.status_code", (int)response.StatusCode);
            if (!response.IsSuccessStatusCode) activity.SetStatus(ActivityStatusCode.Error);
            return response;
        }
        catch (Exception exception)
        {
            activity.SetTag("error.type", exception.GetType().FullName);
            activity.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            throw;
        }
    }
}
