using System.Text.RegularExpressions;

namespace FlameHub;

/// <summary>Field and relation names as the Hub accepts them: dot-separated identifiers.</summary>
internal static partial class QueryKey
{
    /// <summary>Throws unless <paramref name="key"/> is a field path, optionally after one of <paramref name="prefixes"/>.</summary>
    internal static string Check(string? key, string what, string prefixes = "")
    {
        ArgumentNullException.ThrowIfNull(key, what);
        var path = key.Length > 0 && prefixes.Contains(key[0]) ? key[1..] : key;
        if (!Path().IsMatch(path))
            throw new ArgumentException(
                $"'{key}' is not a valid {what}: expected names of letters, digits and '_' joined by '.'"
                + (prefixes.Length > 0 ? $", optionally after one of '{prefixes}'." : "."), key);
        return key;
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Path();
}
