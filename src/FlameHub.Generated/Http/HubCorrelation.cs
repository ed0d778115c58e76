namespace FlameHub;

/// <summary>
/// Overrides the <c>X-Request-Id</c> of the calls made inside a scope:
/// <c>using (HubCorrelation.Use("job-42")) { await core.GetNodeAsync(id); }</c>.
/// </summary>
public static class HubCorrelation
{
    private static readonly AsyncLocal<string?> Scoped = new();

    /// <summary>The id of the current scope, if any.</summary>
    public static string? Current => Scoped.Value;

    /// <summary>Sends <paramref name="requestId"/> as <c>X-Request-Id</c> until the returned scope is disposed.</summary>
    /// <param name="requestId">The correlation id: visible ASCII only (no spaces or control characters), at most 200 characters.</param>
    /// <exception cref="ArgumentException"><paramref name="requestId"/> is empty, too long, or has a character a header cannot carry.</exception>
    public static IDisposable Use(string requestId)
    {
        CorrelationId.Check(requestId, nameof(requestId));
        var previous = Scoped.Value;
        Scoped.Value = requestId;
        return new Scope(previous);
    }

    private sealed class Scope(string? previous) : IDisposable
    {
        public void Dispose() => Scoped.Value = previous;
    }
}
