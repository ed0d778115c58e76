namespace FlameHub;

/// <summary>Authup's answer to a grant, as <see cref="TokenAnswer"/> read it.</summary>
internal sealed class TokenResponse
{
    public required string AccessToken { get; init; }

    /// <summary>How long the token lives from now, at most <see cref="TokenAnswer.MaxLifetime"/>; null when the answer does not say (usably).</summary>
    public TimeSpan? Lifetime { get; init; }

    public string? TokenType { get; init; }
    public string? RefreshToken { get; init; }

    public override string ToString() => "TokenResponse(***)";
}
