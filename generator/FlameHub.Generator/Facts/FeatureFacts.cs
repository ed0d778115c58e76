using System.Text.Json.Nodes;
using FlameHub.Generator.Import;
using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Facts;

/// <summary>
/// Which of the hand-written features a release has, decided from its normalized documents:
/// robots (and the <c>robot_credentials</c> grant) where auth has the robot resource, Basic
/// credentials where core declares an HTTP <c>basic</c> security scheme.
/// </summary>
public sealed record FeatureFacts(bool Robots, bool BasicAuth)
{
    public static FeatureFacts Of(IReadOnlyDictionary<string, JsonObject> normalized)
    {
        var auth = normalized.GetValueOrDefault(HubService.Auth);
        var core = normalized.GetValueOrDefault(HubService.Core);
        var robots = auth is not null && HasRobots(auth);
        var basic = core?["components"]?["securitySchemes"] is JsonObject schemes
            && schemes.Any(s => s.Value?["type"]?.GetValue<string>() == "http"
                && string.Equals(s.Value?["scheme"]?.GetValue<string>(), "basic", StringComparison.OrdinalIgnoreCase));
        return new FeatureFacts(robots, basic);
    }

    /// <summary>Whether the auth document serves the robot resource (Authup before beta.57).</summary>
    public static bool HasRobots(JsonObject authDocument) => OpenApiJson.Operations(authDocument).Any(o => o.Shape.Collection == "robots");
}
