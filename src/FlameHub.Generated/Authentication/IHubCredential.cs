using System.Net.Http.Headers;

namespace FlameHub;

/// <summary>
/// Supplies the <c>Authorization</c> header for requests to the Hub. One instance can be shared
/// by several clients; token-based credentials then share one cached token.
/// </summary>
public interface IHubCredential
{
    /// <summary>Returns the header value to send, acquiring or refreshing a token when needed.</summary>
    /// <param name="cancellationToken">Cancels the wait for a token.</param>
    ValueTask<AuthenticationHeaderValue> GetAuthorizationAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Tells the credential that the Hub refused <paramref name="rejected"/> with 401. Returns
    /// whether a retry with a fresh value can succeed (false for fixed credentials).
    /// </summary>
    /// <param name="rejected">The header value the Hub refused.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    ValueTask<bool> InvalidateAsync(AuthenticationHeaderValue rejected, CancellationToken cancellationToken = default);
}
