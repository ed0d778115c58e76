namespace FlameHub;

/// <summary>
/// The token endpoint refused to issue a token (wrong password or secret, refused grant).
/// Carries the Hub's error body like every <see cref="HubApiException"/>; never the credentials.
/// </summary>
public sealed class HubAuthenticationException : HubApiException
{
    /// <summary>Creates the exception from the token endpoint's response.</summary>
    /// <param name="statusCode">The HTTP status code of the response.</param>
    /// <param name="responseText">The response body as text.</param>
    /// <param name="grantType">The grant that was refused, for example <c>password</c>.</param>
    /// <param name="path">The token endpoint's path.</param>
    /// <param name="headers">The response headers.</param>
    public HubAuthenticationException(int statusCode, string? responseText, string grantType, string? path = null,
        IReadOnlyDictionary<string, IEnumerable<string>>? headers = null)
        : base(statusCode, HubErrorBody.Parse(responseText), responseText, "POST", path, headers, null)
    {
        GrantType = grantType;
    }

    /// <summary>The OAuth2 grant that was refused.</summary>
    public string GrantType { get; }
}
