using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Polly.Timeout;

namespace FlameHub;

/// <summary>
/// The library's <see cref="ActivitySource"/>, <see cref="Meter"/> and instruments, and the
/// OpenTelemetry names of what they carry. Every instrument is checked for listeners before any
/// tag is built, so nothing is spent when no one listens.
/// </summary>
internal static class HubTelemetry
{
    private static readonly string? Version = typeof(HubTelemetry).Assembly.GetName().Version?.ToString();

    public static readonly ActivitySource Source = new(FlameHubDiagnostics.ActivitySourceName, Version);

    /// <summary>
    /// Starts nothing. Listeners subscribe to sources by name, so this one has listeners exactly
    /// when .NET's own HttpClient source (<c>System.Net.Http</c>, whose CLIENT span wraps each
    /// attempt) has them, which the runtime does not tell otherwise.
    /// </summary>
    private static readonly ActivitySource HttpClientSource = new("System.Net.Http");

    public static readonly Meter Meter = new(FlameHubDiagnostics.MeterName, Version);

    // The buckets OpenTelemetry advises for http.client.request.duration.
    private static readonly double[] SecondsBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    public static readonly Histogram<double> OperationDuration = Meter.CreateHistogram(
        "flamehub.client.operation.duration", "s", "How long a client operation took, reading the answer and every retry included.",
        tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });

    public static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        "flamehub.client.retries", "{retry}", "Requests sent again after a failed attempt.");

    public static readonly Counter<long> RateLimitWaits = Meter.CreateCounter<long>(
        "flamehub.client.rate_limit.waits", "{wait}", "Waits before a retry after the Hub answered 429 Too Many Requests.");

    public static readonly Histogram<double> RateLimitWaitDuration = Meter.CreateHistogram(
        "flamehub.client.rate_limit.wait.duration", "s", "How long a retry after a 429 answer waited.",
        tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });

    public static readonly Counter<long> TokenRequests = Meter.CreateCounter<long>(
        "flamehub.auth.token_requests", "{request}", "Token requests to Authup, by grant type (refresh_token for a renewal) and outcome.");

    /// <summary>
    /// Internal when .NET's own HttpClient spans are recorded (one CLIENT span per attempt beneath
    /// it), else Client: either way each request is one CLIENT span, never two and never none.
    /// </summary>
    public static ActivityKind SpanKind => HttpClientSource.HasListeners() ? ActivityKind.Internal : ActivityKind.Client;

    /// <summary>Whether a retry metric has a listener, which then wants the operation's name.</summary>
    public static bool RetriesListened => Retries.Enabled || RateLimitWaits.Enabled || RateLimitWaitDuration.Enabled;

    public const string Operation = "flamehub.operation";
    public const string Outcome = "flamehub.outcome";
    public const string GrantType = "flamehub.auth.grant_type";
    public const string RequestId = "flamehub.request_id";
    public const string ErrorTypeTag = "error.type";
    public const string UrlTemplate = "url.template";
    public const string Method = "http.request.method";
    public const string StatusCode = "http.response.status_code";
    public const string ResendCount = "http.request.resend_count";
    public const string ServerAddress = "server.address";
    public const string ServerPort = "server.port";
    public const string RetryEvent = "retry";
    public const string RetryAttempt = "flamehub.retry.attempt";
    public const string RetryDelay = "flamehub.retry.delay";
    public const string RetryDelaySource = "flamehub.retry.delay_source";

    public const string Success = "success";
    public const string Failure = "failure";
    public const string Cancelled = "cancelled";

    /// <summary>
    /// <c>error.type</c> of a failure, as OpenTelemetry has it: the status code of an error answer,
    /// else the exception type's full name; a timeout (which reaches the caller as an
    /// <see cref="HttpRequestException"/> caused by a <see cref="TimeoutException"/>) is <c>System.TimeoutException</c>.
    /// </summary>
    public static string ErrorType(Exception exception) => exception switch
    {
        HubApiException { StatusCode: >= 300 and <= 599 } answer => StatusText(answer.StatusCode),
        HttpRequestException { InnerException: TimeoutException } or TimeoutRejectedException => typeof(TimeoutException).FullName!,
        _ => exception.GetType().FullName ?? exception.GetType().Name,
    };

    /// <summary><c>flamehub.outcome</c> of a failure: cancelled when the caller cancelled, else failure.</summary>
    public static string OutcomeOf(Exception exception, CancellationToken callerToken) =>
        exception is OperationCanceledException && callerToken.IsCancellationRequested ? Cancelled : Failure;

    public static string StatusText(int statusCode) => statusCode.ToString(CultureInfo.InvariantCulture);
}
