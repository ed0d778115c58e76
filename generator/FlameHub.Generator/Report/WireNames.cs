namespace FlameHub.Generator.Report;

/// <summary>
/// How field names compare across wire styles: <c>realm_id</c> and <c>realmId</c> are the same
/// field spelled two ways, and both are <c>RealmId</c> in .NET.
/// </summary>
public static class WireNames
{
    /// <summary>The name without its style: lower-case letters and digits only.</summary>
    public static string Loose(string name) => new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    /// <summary>The .NET name the package gives a field: its words in PascalCase.</summary>
    public static string DotNet(string name) => string.Concat(
        name.Split(['_', '-', '.', ' '], StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    /// <summary><c>snake_case</c>, <c>camelCase</c>, or null for a one-word name that is both.</summary>
    public static string? Style(string name) =>
        name.Contains('_', StringComparison.Ordinal) ? "snake_case" : name.Any(char.IsUpper) ? "camelCase" : null;
}
