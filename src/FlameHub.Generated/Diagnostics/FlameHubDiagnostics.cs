namespace FlameHub;

/// <summary>The names under which the library reports what it does, for tracing and metrics set-ups.</summary>
public static class FlameHubDiagnostics
{
    /// <summary>
    /// The name of the <see cref="System.Diagnostics.ActivitySource"/> that starts one span per client
    /// operation, named after it (<c>CoreClient.GetNode</c>); for OpenTelemetry:
    /// <c>AddSource(FlameHubDiagnostics.ActivitySourceName)</c>.
    /// </summary>
    public const string ActivitySourceName = "FlameHub";

    /// <summary>
    /// The name of the <see cref="System.Diagnostics.Metrics.Meter"/> with the operations' duration,
    /// the retries, the rate-limit waits and the token requests; for OpenTelemetry:
    /// <c>AddMeter(FlameHubDiagnostics.MeterName)</c>.
    /// </summary>
    public const string MeterName = "FlameHub";
}
