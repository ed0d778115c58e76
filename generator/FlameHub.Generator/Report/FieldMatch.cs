namespace FlameHub.Generator.Report;

/// <summary>
/// Pairs the fields of one entity or body across releases: by name, then by name without its
/// wire style (a style rename, reported once for the service), then the fields left over by
/// shape (type, nullability, enum values) where exactly one gone and one new field share it and
/// either they have enum values or their names share a word: a possible real rename.
/// </summary>
internal sealed record FieldMatch(
    IReadOnlyList<(ApiField Old, ApiField New)> Same,
    IReadOnlyList<ApiField> Removed,
    IReadOnlyList<ApiField> Added,
    IReadOnlyList<(ApiField Old, ApiField New)> Renamed)
{
    public static FieldMatch Of(IReadOnlyList<ApiField> old, IReadOnlyList<ApiField> @new, ChangeList changes, bool guessRenames)
    {
        var same = new List<(ApiField, ApiField)>();
        var removed = new List<ApiField>();
        var added = @new.ToList();
        foreach (var field in old)
        {
            var match = added.FirstOrDefault(f => f.Name == field.Name)
                ?? added.FirstOrDefault(f => WireNames.Loose(f.Name) == WireNames.Loose(field.Name));
            if (match is null)
            {
                removed.Add(field);
                continue;
            }
            added.Remove(match);
            same.Add((field, match));
            if (match.Name == field.Name) changes.Kept(field.Name);
            else changes.StyleRename(field.Name, match.Name);
        }

        var renamed = new List<(ApiField, ApiField)>();
        if (guessRenames)
        {
            foreach (var shape in removed.GroupBy(f => f.Shape).Where(g => g.Count() == 1).Select(g => g.Key).ToList())
            {
                if (added.Where(f => f.Shape == shape).ToList() is not [var to]) continue;
                var from = removed.Single(f => f.Shape == shape);
                if (from.Enum.Count == 0 && !SharesAWord(from.Name, to.Name)) continue;
                renamed.Add((from, to));
                removed.Remove(from);
                added.Remove(to);
            }
        }
        return new FieldMatch(same, removed, added, renamed);
    }

    // Two fields of one common shape (a string, an object) are taken for one renamed only if their names share a word.
    private static bool SharesAWord(string a, string b) => Words(a).Intersect(Words(b), StringComparer.Ordinal).Any();

    private static IEnumerable<string> Words(string name) =>
        System.Text.RegularExpressions.Regex.Split(name, "_|-|(?<=[a-z0-9])(?=[A-Z])").Where(w => w.Length > 0).Select(w => w.ToLowerInvariant());
}
