namespace FlameHub;

/// <summary>
/// The release's filter grammar (its table, <see cref="Operators"/>, is generated from the release's
/// <c>filters.json</c>): how a condition is written, and how the Hub reads a value back.
/// </summary>
internal static partial class FilterSyntax
{
    /// <summary>How <paramref name="kind"/> is written on this release.</summary>
    /// <exception cref="InvalidOperationException">The release has no such condition (no public method makes one).</exception>
    internal static FilterOperator Of(FilterKind kind) => Of(Operators, Grammar, kind);

    private static FilterOperator Of(IReadOnlyList<FilterOperator> operators, string grammar, FilterKind kind)
    {
        foreach (var op in operators)
        {
            if (op.Kind == kind) return op;
        }
        throw new InvalidOperationException($"The Hub's filter grammar ({grammar}) has no {kind} condition.");
    }

    /// <summary>
    /// Why the Hub would read <paramref name="operand"/> written as <paramref name="kind"/> as another
    /// condition, or <see langword="null"/> when it reads it as written. The Hub takes the operator whose
    /// prefix and suffix both match and are longest together (<c>&lt;=x</c> before <c>&lt;</c>, <c>~x~</c>
    /// before <c>~x</c>); two different ones of the same length make the value ambiguous.
    /// </summary>
    internal static string? Misread(FilterKind kind, string operand) => Misread(Operators, Grammar, kind, operand);

    /// <summary>As <see cref="Misread(FilterKind, string)"/>, in the grammar <paramref name="operators"/> (another release's, in tests).</summary>
    internal static string? Misread(IReadOnlyList<FilterOperator> operators, string grammar, FilterKind kind, string operand)
    {
        var written = Of(operators, grammar, kind);
        if (written.Operand == FilterOperand.None) return null;
        var wire = written.Prefix + operand + written.Suffix;
        FilterOperator? best = null;
        var ambiguous = false;
        foreach (var op in operators)
        {
            if (op.Operand is not (FilterOperand.Value or FilterOperand.Text) || !Reads(op, wire)) continue;
            var length = op.Prefix.Length + op.Suffix.Length;
            var bestLength = best is { } b ? b.Prefix.Length + b.Suffix.Length : -1;
            if (length > bestLength)
            {
                best = op;
                ambiguous = false;
            }
            else if (length == bestLength && !SameMarks(op, best!.Value))
            {
                ambiguous = true;
            }
        }
        if (best is not { } read || (!ambiguous && SameMarks(read, written))) return null;
        return ambiguous
            ? $"the Hub ({grammar}) may read '{wire}' as more than one condition; use the methods of Filter for operators."
            : $"the Hub ({grammar}) reads '{wire}' as {read.Kind} '{wire[read.Prefix.Length..^read.Suffix.Length]}'; use the methods of Filter for operators.";
    }

    private static bool Reads(FilterOperator op, string wire) =>
        wire.Length > op.Prefix.Length + op.Suffix.Length
        && wire.StartsWith(op.Prefix, StringComparison.Ordinal)
        && wire.EndsWith(op.Suffix, StringComparison.Ordinal);

    private static bool SameMarks(FilterOperator a, FilterOperator b) => a.Prefix == b.Prefix && a.Suffix == b.Suffix;
}
