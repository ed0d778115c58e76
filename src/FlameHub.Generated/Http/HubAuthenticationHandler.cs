using System.Net;

namespace FlameHub;

/// <summary>
/// Adds the credential's <c>Authorization</c> header. On a 401 it asks the credential for a fresh
/// value and sends the request once more, if the body can be sent again. The release check's
/// <c>GET /</c> goes without: it must not make a token request before the call that needs one.
/// </summary>
internal sealed class HubAuthenticationHandler : DelegatingHandler
{
    private readonly IHubCredential _credential;

    /// <summary>Authenticates requests with <paramref name="credential"/>.</summary>
    /// <param name="credential">The credential.</param>
    public HubAuthenticationHandler(IHubCredential credential) => _credential = credential ?? throw new ArgumentNullException(nameof(credential));

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request is HubRequest { Anonymous: true }) return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var authorization = await _credential.GetAuthorizationAsync(cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = authorization;
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Unauthorized || !ReplayableContent.CanReplay(request.Content)) return response;
        if (!await _credential.InvalidateAsync(authorization, cancellationToken).ConfigureAwait(false)) return response;

        response.Dispose();
        request.Headers.Authorization = await _credential.GetAuthorizationAsync(cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
