namespace FlameHub;

/// <summary>The release check: before a client's first request, its service's release is read once and judged.</summary>
public abstract partial class HubClientBase
{
    private readonly string _service;
    private readonly ReleaseCatalog _releases;
    private readonly ReleaseGuard _release;

    /// <summary>
    /// Checks that the service speaks a release this package speaks (see <see cref="HubRelease"/>),
    /// as the client's first call would: reads <c>GET /</c> once (concurrent first calls share the
    /// read), through the client's pipeline, retries and <see cref="HubClientOptions.Timeout"/>. For a
    /// host to check at start-up. With <see cref="HubReleaseCheck.Strict"/> it throws what a refused call
    /// would; with <see cref="HubReleaseCheck.Warn"/> it logs and returns; with <see cref="HubReleaseCheck.Off"/> it does nothing.
    /// Once the release passed, it returns at once.
    /// </summary>
    /// <param name="cancellationToken">Stops waiting for the check.</param>
    /// <exception cref="HubReleaseMismatchException">The service reports a release this package does not speak.</exception>
    /// <exception cref="HubReleaseCheckException">The release could not be read.</exception>
    public virtual Task CheckReleaseAsync(CancellationToken cancellationToken = default) => _release.EnsureAsync(ReadReleaseAsync, cancellationToken);

    private static (string, ReleaseCatalog, ReleaseGuard) ReleaseCheckOf(HubClientOptions options, string service, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(service);
        var releases = options.ReleaseCatalog;
        // A service the facts name no product for reports nothing this package could judge.
        var mode = releases.ProductOf(service) is null ? HubReleaseCheck.Off : options.ReleaseCheck;
        return (service, releases, options.ReleaseGuards.For(service, baseUrl, mode, options.LoggerFactory));
    }

    /// <summary>Every request goes through here: straight on once the release passed, else after the check. <c>GET /</c> itself is never held.</summary>
    private Task<HttpResponseMessage> SendCoreAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _release.IsOpen || IsStatusRequest(request) ? SendWireAsync(request, cancellationToken) : SendAfterCheckAsync(request, cancellationToken);

    private async Task<HttpResponseMessage> SendAfterCheckAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await _release.EnsureAsync(ReadReleaseAsync, cancellationToken).ConfigureAwait(false);
        return await SendWireAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsStatusRequest(HttpRequestMessage request) =>
        request.Method == HttpMethod.Get && request.RequestUri is { IsAbsoluteUri: false, OriginalString.Length: 0 };

    /// <summary>
    /// Reads <c>GET /</c> as any GET is sent (retries, attempt timeout, the call's <see cref="Timeout"/>),
    /// without the credential, and judges its version; a failure is a verdict too.
    /// </summary>
    private async Task<ReleaseVerdict> ReadReleaseAsync()
    {
        var where = ReleaseText.Where(_baseUrl);
        try
        {
            using var request = new HubRequest(HttpMethod.Get, new Uri("", UriKind.Relative)) { Anonymous = true };
            request.Headers.TryAddWithoutValidation("Accept", "application/json");
            using var call = CallTimeout.Start(Timeout, _timeouts, CancellationToken.None);
            try
            {
                using var response = await SendCheckedAsync(request, call.Token).ConfigureAwait(false);
                var status = await JsonAnswer.ReadAsync<ReleaseStatus>(request, response, Math.Min(MaxResponseBytes, ReleaseStatus.MaxBytes), call).ConfigureAwait(false);
                return _releases.Judge(_service, where, status.Version);
            }
            catch (OperationCanceledException exception) when (call.HasExpired(CancellationToken.None))
            {
                throw call.Expired(request, exception);
            }
        }
        catch (Exception exception)
        {
            return _releases.Failed(_service, where, exception);
        }
    }
}
