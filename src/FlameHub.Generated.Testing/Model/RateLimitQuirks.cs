using System.Text.Json.Nodes;

namespace FlameHub.Testing.Model;

/// <summary>
/// What a rate-limited answer of the release looks like (<c>rateLimit</c> in fake.json): the
/// header names of its limit, remaining and reset seconds, each service's limit and 429 body.
/// </summary>
internal sealed class RateLimitQuirks
{
    private readonly JsonObject _data;

    public RateLimitQuirks(JsonObject data) => _data = data;

    public string LimitHeader => Header("limit", "RateLimit-Limit");

    public string RemainingHeader => Header("remaining", "RateLimit-Remaining");

    public string ResetHeader => Header("reset", "RateLimit-Reset");

    /// <summary>Whether a 429 carries <c>Retry-After</c> (in seconds) besides the reset header.</summary>
    public bool RetryAfter => _data["retryAfter"]?.GetValue<bool>() == true;

    public int? Limit(string? service) => service is null ? null : _data["limit"]?[service]?.GetValue<int>();

    public JsonObject Body(string? service) =>
        (service is null ? null : _data["bodies"]?[service] as JsonObject)?.DeepClone().AsObject() ?? new JsonObject { ["statusCode"] = 429 };

    private string Header(string name, string fallback) => _data["headers"]?[name]?.GetValue<string>() ?? fallback;
}
