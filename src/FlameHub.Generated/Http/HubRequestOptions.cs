namespace FlameHub;

/// <summary>Per-request settings the pipeline reads from <see cref="HttpRequestMessage.Options"/>.</summary>
public static class HubRequestOptions
{
    /// <summary>Set to true on a POST that may safely be sent twice, so it is retried like a GET.</summary>
    public static readonly HttpRequestOptionsKey<bool> Retryable = new("FlameHub.Retryable");

    /// <summary>The attempt number (1 for the first) the pipeline is sending.</summary>
    public static readonly HttpRequestOptionsKey<int> Attempt = new("FlameHub.Attempt");
}
