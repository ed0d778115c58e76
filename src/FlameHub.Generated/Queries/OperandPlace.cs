namespace FlameHub;

/// <summary>Where an operand stands in a filter value; the Hub reads each place differently.</summary>
internal enum OperandPlace
{
    /// <summary>At the start, or after <c>!</c>: the Hub still looks for <c>~ &lt; &gt;</c> there.</summary>
    Equality,

    /// <summary>After <c>&lt;</c> or <c>&gt;</c>: a leading <c>=</c> would turn them into <c>&lt;=</c> or <c>&gt;=</c>.</summary>
    AfterLessOrGreater,

    /// <summary>After <c>~</c>, <c>&lt;=</c> or <c>&gt;=</c>: no further operator is read.</summary>
    AfterOperator,

    /// <summary>An item of a list of two or more: a leading <c>!</c> on any item negates the whole list.</summary>
    ListItem,
}
