using System.Text.Json.Nodes;

namespace FlameHub.Testing.Model;

/// <summary>
/// How the release's validators read a value their rules do not expect (fake.json <c>validation.rules</c>):
/// whether an empty text fails <c>required</c> (express-validator's <c>notEmpty</c> on 0.8.13; zod takes
/// <c>""</c> as a string), and whether a missing required value is also measured against its minimum
/// (express-validator reads it as <c>""</c>; zod stops at the missing value).
/// </summary>
internal sealed record ValidationRules(bool EmptyIsMissing, bool MeasureMissing)
{
    public static ValidationRules Read(JsonObject? rules) => new(
        rules?["required"]?["empty"]?.GetValue<bool>() ?? true,
        rules?["minLength"]?["missing"]?.GetValue<bool>() ?? false);
}
