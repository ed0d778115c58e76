namespace FlameHub;

/// <summary>The names under which the library reports what it does, for tracing set-ups.</summary>
public static class FlameHubDiagnostics
{
    /// <summary>
    /// The name of the <see cref="System.Diagnostics.ActivitySource"/> that starts one activity per
    /// request (for OpenTelemetry: <c>AddSource(FlameHubDiagnostics.ActivitySourceName)</c>).
    /// </summary>
    public const string ActivitySourceName = "FlameHub";
}
