namespace FlameHub;

/// <summary>Where an operand stands in a filter value; the Hub reads each place differently.</summary>
internal enum OperandPlace
{
    /// <summary>Equality, or its negation: any type; operator marks in the text are checked by <see cref="FilterSyntax.Misread(FilterKind, string)"/>.</summary>
    Equality,

    /// <summary>After <c>&lt;</c> or <c>&gt;</c>: comparable types only (a leading <c>=</c> would make <c>&lt;=</c>, found by <see cref="FilterSyntax.Misread(FilterKind, string)"/>).</summary>
    AfterLessOrGreater,

    /// <summary>With a LIKE marker, <c>&lt;=</c> or <c>&gt;=</c>: comparable types only.</summary>
    AfterOperator,

    /// <summary>An item of a list of two or more: a leading <c>!</c> on any item negates the whole list.</summary>
    ListItem,
}
