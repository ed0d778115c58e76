using Newtonsoft.Json;

namespace FlameHub;

/// <summary>Authup's answer to a grant.</summary>
internal sealed class TokenResponse
{
    [JsonProperty("access_token")] public string AccessToken { get; set; } = "";
    [JsonProperty("expires_in")] public double? ExpiresIn { get; set; }
    [JsonProperty("token_type")] public string? TokenType { get; set; }
    [JsonProperty("refresh_token")] public string? RefreshToken { get; set; }

    public override string ToString() => "TokenResponse(***)";
}
