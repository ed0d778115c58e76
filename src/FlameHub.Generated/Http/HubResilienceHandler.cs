using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace FlameHub;

/// <summary>
/// Retries and timeouts (Polly): retries with backoff and jitter around a timeout per attempt. On
/// 429 the wait is the Hub's <c>RateLimit-Reset</c>, else <c>Retry-After</c>, at most
/// <see cref="HubRetryOptions.MaxDelay"/>; a wait that would outlast the call's
/// <see cref="HubClientOptions.Timeout"/> is not waited, the answer is returned instead. Each wait is
/// logged. Cancellation by the caller stops at once. Delays and timeouts run on the options'
/// <see cref="HubClientOptions.TimeProvider"/>.
/// </summary>
internal sealed class HubResilienceHandler : DelegatingHandler
{
    private const string RetriesSpent = "FlameHub.RetriesSpent";
    private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("FlameHub.Request");

    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly HubRetryOptions _retry;
    private readonly TimeProvider _clock;
    private readonly ILogger? _logger;

    /// <summary>Applies <paramref name="options"/>' retry and timeout settings; waits are logged to its <see cref="HubClientOptions.LoggerFactory"/>.</summary>
    /// <param name="options">The client settings.</param>
    public HubResilienceHandler(HubClientOptions options)
        : this(Validated(options), options.LoggerFactory?.CreateLogger("FlameHub.Http"))
    {
    }

    /// <summary>As the public constructor, logging to <paramref name="logger"/>.</summary>
    internal HubResilienceHandler(HubClientOptions options, ILogger? logger)
        : this(Validated(options).Retry, options.AttemptTimeout, options.TimeProvider, logger)
    {
    }

    /// <summary>
    /// Retries as <paramref name="retry"/> says, each attempt limited to <paramref name="attemptTimeout"/>;
    /// delays and timeouts run on <paramref name="clock"/>.
    /// </summary>
    internal HubResilienceHandler(HubRetryOptions retry, TimeSpan attemptTimeout, TimeProvider clock, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(retry);
        ArgumentNullException.ThrowIfNull(clock);
        retry.Validate();
        _retry = retry;
        _clock = clock;
        _logger = logger;
        _pipeline = Build(attemptTimeout);
    }

    /// <summary>
    /// Marks <paramref name="exception"/> as the end of retries already made (a token request's),
    /// so a handler further out does not start them all over again.
    /// </summary>
    internal static void MarkRetriesSpent(Exception exception) => exception.Data[RetriesSpent] = true;

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            context.Properties.Set(RequestKey, request);
            var outcome = await _pipeline.ExecuteOutcomeAsync(Attempt, context, (Handler: this, Request: request)).ConfigureAwait(false);
            outcome.ThrowIfException();
            return outcome.Result!;
        }
        catch (TimeoutRejectedException timeout)
        {
            // Polly's own exception never reaches callers: a cancelled call is a cancellation.
            cancellationToken.ThrowIfCancellationRequested();
            throw new HttpRequestException(
                $"{request.Method} {request.RequestUri?.AbsolutePath} did not complete within {Describe(timeout.Timeout)}.",
                new TimeoutException(timeout.Message, timeout));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static readonly Func<ResilienceContext, (HubResilienceHandler Handler, HttpRequestMessage Request), ValueTask<Outcome<HttpResponseMessage>>> Attempt = SendAttemptAsync;

    /// <summary>One attempt; its outcome, not its exception, goes back to Polly (which would otherwise wrap the call to catch it).</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private static async ValueTask<Outcome<HttpResponseMessage>> SendAttemptAsync(ResilienceContext context, (HubResilienceHandler Handler, HttpRequestMessage Request) state)
    {
        HubRequestOptions.CountAttempt(state.Request);
        try
        {
            return Outcome.FromResult(await state.Handler.SendOnceAsync(state.Request, context.CancellationToken).ConfigureAwait(false));
        }
        catch (Exception exception)
        {
            return Outcome.FromException<HttpResponseMessage>(exception);
        }
    }

    private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    private static HubClientOptions Validated(HubClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return options;
    }

    private ResiliencePipeline<HttpResponseMessage> Build(TimeSpan attemptTimeout)
    {
        // The overall limit is the client's own call timeout (HubClientOptions.Timeout), which also
        // covers reading the answer; a second timer here would only cost time on every call.
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _clock };
        var retry = _retry;
        var clock = _clock;
        if (retry.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = retry.MaxRetries,
                MaxDelay = retry.MaxDelay,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(
                    ServerDelay.Of(args.Outcome.Result, retry.MaxDelay, clock)?.Delay ?? RetryBackoff.Delay(retry, args.AttemptNumber)),
                OnRetry = args =>
                {
                    LogWait(args);
                    args.Context.Properties.TryGetValue(RequestKey, out var request);
                    HubRetryTelemetry.Retried(request, args.Outcome, args.AttemptNumber + 1, args.RetryDelay, retry.MaxDelay);
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }
        if (attemptTimeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(new TimeoutStrategyOptions
            {
                Timeout = attemptTimeout,
                TimeoutGenerator = args => new ValueTask<TimeSpan>(AttemptLimit(args.Context, attemptTimeout)),
            });
        }
        return builder.Build();
    }

    /// <summary>
    /// The attempt's limit; none (no timer) when the call's own deadline comes first, as it then
    /// ends the attempt anyway.
    /// </summary>
    private static TimeSpan AttemptLimit(ResilienceContext context, TimeSpan attemptTimeout) =>
        context.Properties.TryGetValue(RequestKey, out var request) && HubRequestOptions.Remaining(request) is { } remaining && remaining <= attemptTimeout
            ? Timeout.InfiniteTimeSpan
            : attemptTimeout;

    private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        if (!context.Properties.TryGetValue(RequestKey, out var request)) return false;
        if (!IsRetryable(request, _retry.RetryPost)) return false;
        return outcome switch
        {
            { Exception: TimeoutRejectedException } => true,
            { Exception: HttpRequestException exception } => !exception.Data.Contains(RetriesSpent),
            { Exception: not null } => false,
            { Result: { } response } => HubApiException.IsTransientStatus((int)response.StatusCode) && WaitFitsDeadline(request, response),
            _ => false,
        };
    }

    /// <summary>Whether the wait the server asks for ends before the call's deadline; a wait past it would only end in a timeout.</summary>
    private bool WaitFitsDeadline(HttpRequestMessage request, HttpResponseMessage response)
    {
        if (ServerDelay.Of(response, _retry.MaxDelay, _clock) is not { } wait) return true;
        if (HubRequestOptions.Remaining(request) is not { } remaining || wait.Delay < remaining) return true;
        if (_logger?.IsEnabled(LogLevel.Information) == true)
        {
            NotWaiting(_logger, Describe(wait.Delay), request.Method.Method, PathOf(request), (int)response.StatusCode, wait.Source, Describe(remaining), null);
        }
        return false;
    }

    private static bool IsRetryable(HttpRequestMessage request, bool retryPost)
    {
        if (!ReplayableContent.CanReplay(request.Content)) return false;
        var method = request.Method;
        if (method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Options) return true;
        return retryPost || (request.Options.TryGetValue(HubRequestOptions.Retryable, out var retryable) && retryable);
    }

    private void LogWait(OnRetryArguments<HttpResponseMessage> args)
    {
        if (_logger?.IsEnabled(LogLevel.Information) != true || !args.Context.Properties.TryGetValue(RequestKey, out var request)) return;
        var reason = args.Outcome switch
        {
            { Result: { } response } => ServerDelay.Of(response, _retry.MaxDelay, _clock) is { } wait
                ? $"{(int)response.StatusCode} ({wait.Source})"
                : ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
            { Exception: TimeoutRejectedException timeout } => $"no answer within {Describe(timeout.Timeout)}",
            { Exception: { } exception } => exception.GetType().Name + ": " + exception.Message,
            _ => "unknown",
        };
        Waiting(_logger, Describe(args.RetryDelay), args.AttemptNumber + 1, request.Method.Method, PathOf(request), reason, null);
    }

    private static string PathOf(HttpRequestMessage request) =>
        request.RequestUri is { IsAbsoluteUri: true } uri ? uri.AbsolutePath : request.RequestUri?.OriginalString.Split('?')[0] ?? "";

    private static string Describe(TimeSpan timeout) =>
        timeout.TotalSeconds >= 1 ? $"{timeout.TotalSeconds:0.##} s" : $"{timeout.TotalMilliseconds:0} ms";

    private static readonly Action<ILogger, string, int, string, string, string, Exception?> Waiting =
        LoggerMessage.Define<string, int, string, string, string>(LogLevel.Information, new EventId(3, "HubRetryWait"),
            "Waiting {Delay} before retry {Retry} of {Method} {Path}: {Reason}");

    private static readonly Action<ILogger, string, string, string, int, string, string, Exception?> NotWaiting =
        LoggerMessage.Define<string, string, string, int, string, string>(LogLevel.Information, new EventId(4, "HubRetrySkipped"),
            "Not waiting {Delay} to retry {Method} {Path}: the {StatusCode} ({Source}) asks for longer than the {Remaining} left of the call's Timeout");
}
