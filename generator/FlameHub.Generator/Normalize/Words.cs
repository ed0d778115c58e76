using System.Globalization;

namespace FlameHub.Generator.Normalize;

/// <summary>Turns the Hub's kebab-case and snake_case words into C#-friendly names.</summary>
public static class Words
{
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
