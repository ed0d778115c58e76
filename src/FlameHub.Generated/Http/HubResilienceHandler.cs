using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace FlameHub;

/// <summary>
/// Retries and timeouts (Polly): retries with backoff, jitter and <c>Retry-After</c> around a
/// timeout per attempt. The overall limit of a call is the client's
/// <see cref="HubClientBase.Timeout"/>. Cancellation by the caller stops at once.
/// </summary>
public sealed class HubResilienceHandler : DelegatingHandler
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

    /// <summary>Applies <paramref name="options"/>' retry and timeout settings.</summary>
    /// <param name="options">The client settings.</param>
    public HubResilienceHandler(HubClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _pipeline = Build(options);
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            context.Properties.Set(RequestKey, request);
            request.Options.Set(HubRequestOptions.Attempt, 0);
            return await _pipeline.ExecuteAsync(static (ctx, state) =>
            {
                state.Request.Options.TryGetValue(HubRequestOptions.Attempt, out var attempt);
                state.Request.Options.Set(HubRequestOptions.Attempt, attempt + 1);
                return new ValueTask<HttpResponseMessage>(state.Handler.SendOnceAsync(state.Request, ctx.CancellationToken));
            }, context, (Handler: this, Request: request)).ConfigureAwait(false);
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

    private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);

    private static readonly ResiliencePropertyKey<HttpRequestMessage> RequestKey = new("FlameHub.Request");

    private static ResiliencePipeline<HttpResponseMessage> Build(HubClientOptions options)
    {
        // The overall limit is the client's own call timeout (HubClientBase.Timeout), which also
        // covers reading the answer; a second timer here would only cost time on every call.
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        var retry = options.Retry;
        if (retry.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = retry.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = retry.BaseDelay,
                MaxDelay = retry.MaxDelay,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context, retry.RetryPost)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(RetryAfter(args.Outcome.Result, retry.MaxDelay)),
                OnRetry = args =>
                {
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            });
        }
        if (options.AttemptTimeout != Timeout.InfiniteTimeSpan) builder.AddTimeout(options.AttemptTimeout);
        return builder.Build();
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, bool retryPost)
    {
        if (!context.Properties.TryGetValue(RequestKey, out var request)) return false;
        if (!IsRetryable(request, retryPost)) return false;
        return outcome switch
        {
            { Exception: TimeoutRejectedException } => true,
            { Exception: HttpRequestException } => true,
            { Exception: not null } => false,
            { Result: { } response } => HubApiException.IsTransientStatus((int)response.StatusCode),
            _ => false,
        };
    }

    private static bool IsRetryable(HttpRequestMessage request, bool retryPost)
    {
        if (!ReplayableContent.CanReplay(request.Content)) return false;
        var method = request.Method;
        if (method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put || method == HttpMethod.Delete || method == HttpMethod.Options) return true;
        return retryPost || (request.Options.TryGetValue(HubRequestOptions.Retryable, out var retryable) && retryable);
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeSpan maxDelay)
    {
        var header = response?.Headers.RetryAfter;
        if (header is null) return null;
        var delay = header.Delta ?? (header.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        if (delay is not { } value) return null;
        if (value < TimeSpan.Zero) value = TimeSpan.Zero;
        return value > maxDelay ? maxDelay : value;
    }

    private static string Describe(TimeSpan timeout) =>
        timeout.TotalSeconds >= 1 ? $"{timeout.TotalSeconds:0.##} s" : $"{timeout.TotalMilliseconds:0} ms";
}
