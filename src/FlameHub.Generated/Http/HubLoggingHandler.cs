using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace FlameHub;

/// <summary>
/// Logs each request that goes on the wire: method, path (no query values), status, duration,
/// attempt and correlation id. Headers and bodies are never logged, so neither are tokens.
/// </summary>
internal sealed class HubLoggingHandler : DelegatingHandler
{
    private static readonly Action<ILogger, string, string, int, double, int, string?, Exception?> Answered =
        LoggerMessage.Define<string, string, int, double, int, string?>(LogLevel.Information, new EventId(1, "HubResponse"),
            "HTTP {Method} {Path} answered {StatusCode} in {ElapsedMilliseconds:0.0} ms (attempt {Attempt}, request id {RequestId})");

    private static readonly Action<ILogger, string, string, double, int, string?, string, Exception?> Failed =
        LoggerMessage.Define<string, string, double, int, string?, string>(LogLevel.Warning, new EventId(2, "HubRequestFailed"),
            "HTTP {Method} {Path} failed after {ElapsedMilliseconds:0.0} ms (attempt {Attempt}, request id {RequestId}): {Error}");

    private readonly ILogger _logger;

    /// <summary>Logs to <paramref name="logger"/>.</summary>
    /// <param name="logger">The logger.</param>
    public HubLoggingHandler(ILogger logger) => _logger = logger ?? throw new ArgumentNullException(nameof(logger));

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var attempt = Math.Max(1, HubRequestOptions.AttemptOf(request));
        var path = request.RequestUri is { IsAbsoluteUri: true } uri ? uri.AbsolutePath : request.RequestUri?.OriginalString.Split('?')[0] ?? "";
        var requestId = request.Headers.TryGetValues("X-Request-Id", out var ids) ? ids.FirstOrDefault() : null;
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            Answered(_logger, request.Method.Method, path, (int)response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds, attempt, requestId, null);
            return response;
        }
        catch (Exception exception) when (_logger.IsEnabled(LogLevel.Warning))
        {
            Failed(_logger, request.Method.Method, path, Stopwatch.GetElapsedTime(started).TotalMilliseconds, attempt, requestId,
                exception is OperationCanceledException ? "canceled" : exception.GetType().Name + ": " + exception.Message, null);
            throw;
        }
    }
}
