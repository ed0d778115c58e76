using System.Text.Json.Nodes;

namespace FlameHub.Testing.Model;

/// <summary>
/// One check of an action's command (fake.json <c>actions</c>): a field of the entity whose value is
/// (<see cref="In"/>) or is not (<see cref="NotIn"/>) one of the listed, or at least
/// <see cref="AtLeast"/> entities of <see cref="Count"/> naming the entity in <see cref="By"/> (and
/// matching <see cref="Where"/>, whose keys may walk one relation: <c>node.type</c>). A failed check
/// answers <see cref="Message"/>, its <c>{field}</c> the entity's values.
/// </summary>
internal sealed record ActionCheck(string Message, string? Field, IReadOnlyList<JsonNode?>? In, IReadOnlyList<JsonNode?>? NotIn,
    string? Count, string? By, IReadOnlyDictionary<string, JsonNode?> Where, int AtLeast);

/// <summary>What one command checks, in order, and the fields it sets when all checks pass.</summary>
internal sealed record ActionCommand(IReadOnlyList<ActionCheck> Checks, JsonObject Set);

/// <summary>
/// The rules of one action of the release (fake.json <c>actions.{service}.{resource}/{segment}</c>):
/// the body field naming the command, the success status, the answer to an unknown command (a named
/// service error, or a body of its own) and to a refused check, and the commands' rules.
/// </summary>
internal sealed record ActionRules(string Selector, int? Status, string? UnknownError, ErrorTemplate? Unknown, ErrorTemplate Refusal,
    IReadOnlyDictionary<string, ActionCommand> Commands)
{
    /// <summary>The rules of <paramref name="resource"/>'s action <paramref name="segment"/> on <paramref name="service"/>; null where fake.json has none.</summary>
    public static ActionRules? Read(JsonObject fake, string service, string resource, string segment)
    {
        if (fake["actions"]?[service]?[resource + "/" + segment] is not JsonObject rules) return null;
        var unknown = rules["unknown"] as JsonObject;
        var commands = new Dictionary<string, ActionCommand>(StringComparer.Ordinal);
        foreach (var (name, node) in rules["commands"] as JsonObject ?? [])
        {
            if (node is not JsonObject command) continue;
            var checks = (command["checks"] as JsonArray ?? []).OfType<JsonObject>().Select(Check).ToArray();
            commands[name] = new ActionCommand(checks, command["set"]?.DeepClone() as JsonObject ?? []);
        }
        return new ActionRules(
            rules["selector"]!.GetValue<string>(),
            rules["status"]?.GetValue<int>(),
            unknown?["error"]?.GetValue<string>(),
            unknown?["body"] is JsonObject body ? new ErrorTemplate(unknown["status"]!.GetValue<int>(), body) : null,
            new ErrorTemplate(rules["refusal"]!["status"]!.GetValue<int>(), rules["refusal"]!["body"]!.AsObject()),
            commands);
    }

    private static ActionCheck Check(JsonObject check) => new(
        check["message"]!.GetValue<string>(),
        check["field"]?.GetValue<string>(),
        Values(check["in"]),
        Values(check["notIn"]),
        check["count"]?.GetValue<string>(),
        check["by"]?.GetValue<string>(),
        (check["where"] as JsonObject ?? []).ToDictionary(w => w.Key, w => w.Value?.DeepClone()),
        check["atLeast"]?.GetValue<int>() ?? 1);

    private static JsonNode?[]? Values(JsonNode? node) => (node as JsonArray)?.Select(v => v?.DeepClone()).ToArray();
}
