using System.Text.Json.Nodes;

namespace FlameHub.Generator.Report;

/// <summary>Compares the <c>definitions</c> of two documents: added, removed (possibly renamed), changed.</summary>
public static class DefinitionDiff
{
    public static void Compare(JsonObject old, JsonObject @new, ChangeList changes)
    {
        var (oldDefinitions, newDefinitions) = (Definitions(old), Definitions(@new));
        var (oldUsage, newUsage) = (SchemaUsage.Of(old), SchemaUsage.Of(@new));
        var removed = oldDefinitions.Keys.Where(k => !newDefinitions.ContainsKey(k)).ToList();
        var added = newDefinitions.Keys.Where(k => !oldDefinitions.ContainsKey(k)).ToList();
        var renames = RenameGuess.Pair(removed, added, name => Signature(oldDefinitions[name]), name => Signature(newDefinitions[name]));

        foreach (var name in removed)
        {
            var text = "removed" + (renames.FirstOrDefault(r => r.From == name) is { To: { } to } ? $" — possibly renamed to `{to}`" : "");
            changes.Add(ChangeArea.Schemas, ChangeKind.SchemaRemoved, name, text);
        }
        foreach (var name in added)
        {
            var text = $"added ({Describe(newDefinitions[name])})"
                + (renames.FirstOrDefault(r => r.To == name) is { From: { } from } ? $" — possibly renamed from `{from}`" : "");
            changes.Add(ChangeArea.Schemas, ChangeKind.SchemaAdded, name, text);
        }
        var comparer = new SchemaComparer(changes, ChangeArea.Schemas);
        foreach (var (name, schema) in oldDefinitions)
        {
            if (newDefinitions.TryGetValue(name, out var newSchema))
            {
                comparer.Compare(name, schema, newSchema, SchemaUsage.Combined(name, oldUsage, newUsage));
            }
        }
    }

    private static SortedDictionary<string, JsonNode?> Definitions(JsonObject document) =>
        new((document["definitions"] as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);

    // Definitions are renamed with their properties kept: the same property names mean "possibly renamed".
    private static string Signature(JsonNode? schema)
    {
        var names = SchemaShape.Properties(schema).Select(p => p.Key).Order(StringComparer.Ordinal);
        return string.Join(",", names);
    }

    private static string Describe(JsonNode? schema)
    {
        var count = SchemaShape.Properties(schema).Count;
        return count > 0 ? $"{count} properties" : $"`{SchemaShape.Describe(schema)}`";
    }
}
