using System.Diagnostics;

namespace FlameHub.Generated.Tests.Telemetry;

/// <summary>
/// An <see cref="ActivityListener"/> that records every span of the given sources as it stops;
/// with <c>System.Net.Http</c> among them it stands for an OpenTelemetry set-up that also
/// instruments HttpClient.
/// </summary>
internal sealed class SpanRecorder : IDisposable
{
    public const string HttpClientSource = "System.Net.Http";

    private readonly ActivityListener _listener;
    private readonly List<Activity> _stopped = [];

    public SpanRecorder(params string[] sources)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => sources.Contains(source.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (_stopped) _stopped.Add(activity); },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>A recorder of the library's spans and .NET's own HttpClient spans.</summary>
    public static SpanRecorder WithHttpClient() => new(FlameHubDiagnostics.ActivitySourceName, HttpClientSource);

    public IReadOnlyList<Activity> Stopped
    {
        get { lock (_stopped) return _stopped.ToList(); }
    }

    /// <summary>The one FlameHub span named <paramref name="name"/>.</summary>
    public Activity Operation(string name)
    {
        var spans = Stopped.Where(a => a.Source.Name == FlameHubDiagnostics.ActivitySourceName && a.DisplayName == name).ToList();
        Assert.That(spans, Has.Count.EqualTo(1), $"one {name} span; recorded: {Describe()}");
        return spans[0];
    }

    /// <summary>The HttpClient spans whose parent is <paramref name="parent"/>, in the order they stopped.</summary>
    public IReadOnlyList<Activity> HttpSpansUnder(Activity parent) =>
        Stopped.Where(a => a.Source.Name == HttpClientSource && a.ParentSpanId == parent.SpanId).ToList();

    /// <summary>Every span of <paramref name="span"/>'s trace.</summary>
    public IReadOnlyList<Activity> Trace(Activity span) => Stopped.Where(a => a.TraceId == span.TraceId).ToList();

    public string Describe() => string.Join(", ", Stopped.Select(a => $"{a.Source.Name}:{a.DisplayName}({a.Kind})"));

    public void Dispose() => _listener.Dispose();
}
