using System.Globalization;

namespace FlameHub.Generator.Normalize;

/// <summary>Turns the Hub's kebab-case, snake_case and camelCase words into C#-friendly names.</summary>
public static class Words
{
    /// <summary>
    /// The lower-case words of a wire name in any style: <c>realm_id</c>, <c>realmId</c> and
    /// <c>RealmID</c> are all <c>realm</c>, <c>id</c>.
    /// </summary>
    public static IReadOnlyList<string> Split(string name)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c is '_' or '-' or '.' or ' ')
            {
                if (start >= 0) words.Add(name[start..i].ToLowerInvariant());
                start = -1;
                continue;
            }
            // A capital starts a word after a small letter or digit, and ends an acronym when a small letter follows it.
            var startsHump = start >= 0 && char.IsUpper(c) && i > start
                && (!char.IsUpper(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])));
            if (startsHump)
            {
                words.Add(name[start..i].ToLowerInvariant());
                start = i;
            }
            else if (start < 0)
            {
                start = i;
            }
        }
        if (start >= 0) words.Add(name[start..].ToLowerInvariant());
        return words;
    }

    /// <summary>Lower-case words as a wire name of <paramref name="style"/>: <c>realm</c>, <c>id</c> → <c>realm_id</c> or <c>realmId</c>.</summary>
    public static string Spell(IEnumerable<string> words, FieldStyle style) =>
        style == FieldStyle.Snake ? string.Join('_', words) : Camel(Pascal(string.Join('_', words)));

    /// <summary>The style most multi-word names are written in; snake when none tells.</summary>
    public static FieldStyle StyleOf(IEnumerable<string> names)
    {
        int snake = 0, camel = 0;
        foreach (var name in names)
        {
            if (name.TrimStart('_').Contains('_')) snake++;
            else if (name.Zip(name.Skip(1)).Any(p => char.IsLower(p.First) && char.IsUpper(p.Second))) camel++;
        }
        return camel > snake ? FieldStyle.Camel : FieldStyle.Snake;
    }

    /// <summary><c>master-images</c> → <c>MasterImages</c>; <c>.well-known</c> → <c>WellKnown</c>.</summary>
    public static string Pascal(string words) =>
        string.Concat(words.Split(['-', '_', '.', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    public static string Camel(string pascal) => pascal.Length == 0 ? pascal : char.ToLowerInvariant(pascal[0]) + pascal[1..];

    /// <summary>Singular of the last word of a collection name: <c>analyses</c> → <c>analysis</c>.</summary>
    public static string Singular(string collection)
    {
        var cut = collection.LastIndexOfAny(['-', '_']) + 1;
        var head = collection[..cut];
        var word = collection[cut..];
        string singular = word switch
        {
            _ when word.EndsWith("yses", StringComparison.Ordinal) => word[..^2] + "is",
            _ when word.EndsWith("ies", StringComparison.Ordinal) => word[..^3] + "y",
            _ when word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal)
                || word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal) => word[..^2],
            _ when word.EndsWith("ss", StringComparison.Ordinal) => word,
            _ when word.EndsWith('s') => word[..^1],
            _ => word,
        };
        return head + singular;
    }

    /// <summary><c>master-images</c> → <c>master_image</c>: how the Hub names a foreign key's stem.</summary>
    public static string SnakeSingular(string collection) => Singular(collection).Replace('-', '_').ToLower(CultureInfo.InvariantCulture);
}
