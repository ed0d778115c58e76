namespace FlameHub;

/// <summary>What a filter condition takes between its prefix and suffix.</summary>
internal enum FilterOperand
{
    /// <summary>Nothing: the prefix is the whole value (<c>null</c>, <c>!null</c>).</summary>
    None,

    /// <summary>One operand.</summary>
    Value,

    /// <summary>The items of a list, joined by <c>,</c>.</summary>
    Values,

    /// <summary>One operand the Hub keeps as text (a LIKE pattern it does not read as a number or boolean).</summary>
    Text,
}
