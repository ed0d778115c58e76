using System.Text.Json;
using System.Text.Json.Nodes;

namespace FlameHub.Generated.Tests.Fake;

/// <summary>
/// Whether an answer has the recorded answer's shape: objects the same field names, every value the
/// same JSON kind (string, number, boolean, object, array; values themselves, such as ids and
/// timestamps, aside), arrays empty where the recording's is and otherwise each item of the shape
/// of the recorded item at its place (past the recording's length, of its first item). A null has
/// no kind: it matches any value (the recording and the fake may hold different data, a robot id
/// where the fake's node has none).
/// </summary>
internal static class BodyShape
{
    /// <summary>The differences, each with its JSON path; none when the shapes agree.</summary>
    public static List<string> Differences(JsonNode? recorded, JsonNode? actual)
    {
        var differences = new List<string>();
        Compare(recorded, actual, "$", differences);
        return differences;
    }

    private static void Compare(JsonNode? recorded, JsonNode? actual, string path, List<string> differences)
    {
        if (recorded is null || actual is null) return;
        var (expectedKind, actualKind) = (recorded.GetValueKind(), actual.GetValueKind());
        if (expectedKind != actualKind && !(IsBoolean(expectedKind) && IsBoolean(actualKind)))
        {
            differences.Add($"{path}: recorded {expectedKind}, fake {actualKind}");
            return;
        }
        switch (recorded)
        {
            case JsonObject expected:
                var given = actual.AsObject();
                var missing = expected.Select(p => p.Key).Except(given.Select(p => p.Key)).ToList();
                var extra = given.Select(p => p.Key).Except(expected.Select(p => p.Key)).ToList();
                if (missing.Count > 0) differences.Add($"{path}: fields missing: {string.Join(", ", missing)}");
                if (extra.Count > 0) differences.Add($"{path}: fields not recorded: {string.Join(", ", extra)}");
                foreach (var (name, value) in expected)
                {
                    if (given.TryGetPropertyValue(name, out var other)) Compare(value, other, $"{path}.{name}", differences);
                }
                break;
            case JsonArray expected:
                var items = actual.AsArray();
                if (expected.Count == 0 != (items.Count == 0))
                {
                    differences.Add($"{path}: recorded {expected.Count} items, fake {items.Count}");
                    return;
                }
                // Item by item where the recording has the item (a validation error's issues differ per rule), else as its first.
                for (var i = 0; i < items.Count; i++) Compare(expected[i < expected.Count ? i : 0], items[i], $"{path}[{i}]", differences);
                break;
        }
    }

    private static bool IsBoolean(JsonValueKind kind) => kind is JsonValueKind.True or JsonValueKind.False;
}
