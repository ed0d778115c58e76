namespace FlameHub;

/// <summary>
/// A filter condition in the Hub's wire form, such as <c>!a,b</c> or <c>&gt;=10</c> (the LIKE markers depend on the Hub release: <c>Filter.StartsWith("my-node")</c> is <c>~my-node</c> on 0.8.13, <c>my-node~</c> on 0.14).
/// Made by the methods of <see cref="Filter"/>; <see cref="ToString"/> returns the exact value sent.
/// </summary>
/// <remarks>
/// A condition the Hub would read differently from what was asked (for example a list item that contains
/// a comma) is refused with an <see cref="ArgumentException"/> naming the field when it is put into
/// <see cref="FindOptions.Filter"/>, not when it is made.
/// </remarks>
public sealed class FilterValue : IEquatable<FilterValue>
{
    internal FilterValue(FilterKind kind, IReadOnlyList<string> items, string? problem = null)
    {
        Kind = kind;
        Items = items;
        Problem = problem;
    }

    internal FilterKind Kind { get; }

    /// <summary>The formatted operands: one, or the items of a list.</summary>
    internal IReadOnlyList<string> Items { get; }

    /// <summary>Why the Hub would misread this condition, or <see langword="null"/> when it would not.</summary>
    internal string? Problem { get; }

    /// <summary>The operator text before the operands on the wire (this release's grammar).</summary>
    internal string Prefix => FilterSyntax.Of(Kind).Prefix;

    /// <summary>The operator text after the operands on the wire (this release's grammar).</summary>
    internal string Suffix => FilterSyntax.Of(Kind).Suffix;

    /// <summary>The value as it goes into the query string: operands percent-encoded, list commas literal.</summary>
    internal string Encode() =>
        EncodeOperator(Prefix) + string.Join(",", Items.Select(Uri.EscapeDataString)) + EncodeOperator(Suffix);

    /// <summary>Throws if the Hub would misread this condition on <paramref name="field"/>.</summary>
    internal void EnsureReadableFor(string field)
    {
        if (Problem is not null)
            throw new ArgumentException($"The filter on '{field}' cannot be sent: {Problem}", field);
    }

    /// <summary>The value exactly as the Hub receives it, before percent-encoding.</summary>
    /// <returns>The operator and the operands, list items separated by commas.</returns>
    public override string ToString() => Prefix + string.Join(",", Items) + Suffix;

    /// <summary>Whether <paramref name="other"/> sends the same value.</summary>
    /// <param name="other">The value to compare with.</param>
    /// <returns><see langword="true"/> when both send the same text.</returns>
    public bool Equals(FilterValue? other) => other is not null && ToString() == other.ToString();

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as FilterValue);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    private static string EncodeOperator(string text) => text.Replace("<", "%3C").Replace(">", "%3E").Replace("=", "%3D");
}
