using System.Diagnostics;

namespace FlameHub;

/// <summary>
/// The telemetry of one client operation: its span on the <c>FlameHub</c> source (around the
/// whole call, every attempt and the reading of the answer included) and its
/// <c>flamehub.client.operation.duration</c>. The handlers find it on the request to add the retries
/// and the correlation id, and the retry metrics its name. Null (and nothing spent) when no one
/// listens to the source or to these metrics.
/// </summary>
internal sealed class HubOperationScope : IDisposable
{
    private static readonly HttpRequestOptionsKey<HubOperationScope> Key = new("FlameHub.Operation");

    private readonly string _name;
    private readonly Uri _baseUrl;
    private readonly bool _recordsDuration;
    private readonly long _started;
    private int _retries;
    private int _statusCode;
    private string? _errorType;
    private string _outcome = HubTelemetry.Success;

    private HubOperationScope(string name, Uri baseUrl, Activity? activity, bool recordsDuration)
    {
        _name = name;
        _baseUrl = baseUrl;
        Activity = activity;
        _recordsDuration = recordsDuration;
        _started = Stopwatch.GetTimestamp();
    }

    /// <summary>The operation's span, if one is recorded.</summary>
    public Activity? Activity { get; }

    /// <summary>The operation's name, for example <c>CoreClient.GetNode</c>.</summary>
    public string Name => _name;

    /// <summary>Starts the telemetry of <paramref name="operation"/> on the service at <paramref name="baseUrl"/>; null when no one listens.</summary>
    /// <param name="operation">The operation.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="baseUrl">The service's base URL, ending with a slash.</param>
    /// <param name="recordsDuration">Whether the operation counts in <c>flamehub.client.operation.duration</c>.</param>
    public static HubOperationScope? Start(HubOperationInfo operation, HttpMethod method, Uri baseUrl, bool recordsDuration = true)
    {
        recordsDuration &= HubTelemetry.OperationDuration.Enabled;
        var activity = HubTelemetry.Source.HasListeners() ? HubTelemetry.Source.StartActivity(operation.Name, HubTelemetry.SpanKind) : null;
        if (activity is null && !recordsDuration && !HubTelemetry.RetriesListened) return null;
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(HubTelemetry.Method, method.Method);
            activity.SetTag(HubTelemetry.UrlTemplate, baseUrl.AbsolutePath + operation.Template);
            activity.SetTag(HubTelemetry.ServerAddress, baseUrl.Host);
            activity.SetTag(HubTelemetry.ServerPort, baseUrl.Port);
        }
        return new HubOperationScope(operation.Name, baseUrl, activity, recordsDuration);
    }

    /// <summary>The scope <paramref name="request"/> belongs to, if any.</summary>
    public static HubOperationScope? Of(HttpRequestMessage request) => request.Options.TryGetValue(Key, out var scope) ? scope : null;

    /// <summary>Makes <paramref name="request"/> part of this operation, so the handlers can find it.</summary>
    public void Attach(HttpRequestMessage request) => request.Options.Set(Key, this);

    /// <summary>Records the status of the answer (the last one, after the retries).</summary>
    public void Answered(HttpResponseMessage response) => _statusCode = (int)response.StatusCode;

    /// <summary>Records the correlation id the request carries as <c>X-Request-Id</c>.</summary>
    public void Correlated(string? requestId)
    {
        if (Activity is { IsAllDataRequested: true } activity) activity.SetTag(HubTelemetry.RequestId, requestId);
    }

    /// <summary>Records that attempt <paramref name="attempt"/> failed with <paramref name="reason"/> and is retried after <paramref name="delay"/>.</summary>
    /// <param name="attempt">The retry's number: 1 for the first.</param>
    /// <param name="reason">Why the attempt failed, as <c>error.type</c> has it.</param>
    /// <param name="delay">The wait before the retry.</param>
    /// <param name="delaySource">Where the wait came from: <c>backoff</c>, <c>rate_limit_reset</c> or <c>retry_after</c>.</param>
    public void Retried(int attempt, string reason, TimeSpan delay, string delaySource)
    {
        _retries = attempt;
        if (Activity is not { IsAllDataRequested: true } activity) return;
        activity.AddEvent(new ActivityEvent(HubTelemetry.RetryEvent, tags: new ActivityTagsCollection
        {
            [HubTelemetry.RetryAttempt] = attempt,
            [HubTelemetry.ErrorTypeTag] = reason,
            [HubTelemetry.RetryDelay] = delay.TotalSeconds,
            [HubTelemetry.RetryDelaySource] = delaySource,
        }));
    }

    /// <summary>
    /// Records <paramref name="exception"/> as the operation's failure; always false, to be used
    /// as an exception filter that sees the exception without catching it.
    /// </summary>
    public static bool Failed(HubOperationScope? scope, Exception exception, CancellationToken callerToken)
    {
        if (scope is null) return false;
        scope._errorType = HubTelemetry.ErrorType(exception);
        scope._outcome = HubTelemetry.OutcomeOf(exception, callerToken);
        if (exception is HubApiException answer) scope._statusCode = answer.StatusCode;
        return false;
    }

    /// <summary>Ends the span and records the duration.</summary>
    public void Dispose()
    {
        if (Activity is { } activity)
        {
            if (activity.IsAllDataRequested)
            {
                if (_statusCode != 0) activity.SetTag(HubTelemetry.StatusCode, _statusCode);
                if (_retries > 0) activity.SetTag(HubTelemetry.ResendCount, _retries);
                if (_errorType is not null)
                {
                    activity.SetTag(HubTelemetry.ErrorTypeTag, _errorType);
                    activity.SetStatus(ActivityStatusCode.Error, _errorType);
                }
            }
            activity.Dispose();
        }
        if (_recordsDuration && HubTelemetry.OperationDuration.Enabled)
        {
            // server.address and server.port as OpenTelemetry's http.client.request.duration has them: one series per Hub.
            var tags = new TagList
            {
                { HubTelemetry.Operation, _name }, { HubTelemetry.Outcome, _outcome },
                { HubTelemetry.ServerAddress, _baseUrl.Host }, { HubTelemetry.ServerPort, _baseUrl.Port },
            };
            if (_errorType is not null) tags.Add(HubTelemetry.ErrorTypeTag, _errorType);
            HubTelemetry.OperationDuration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, tags);
        }
    }
}
