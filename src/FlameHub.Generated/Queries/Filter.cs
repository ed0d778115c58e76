using System.Collections;

namespace FlameHub;

/// <summary>
/// Conditions other than equality for <see cref="FindOptions.Filter"/>, written in the filter grammar of the
/// Hub release this package is for (rapiq 0.9 on Hub 0.8.13, rapiq 2 on 0.14). A plain value in the filter
/// means equality; <see langword="null"/> means <see cref="IsNull"/>.
/// </summary>
/// <example><code>
/// var options = new FindOptions { Filter = { ["name"] = Filter.StartsWith("my-node"), ["hidden"] = false } };
/// </code></example>
/// <remarks>
/// Operands may be strings, <see cref="bool"/>, any integer or floating-point type, <see cref="decimal"/>,
/// <see cref="Guid"/>, <see cref="DateTimeOffset"/>, <see cref="DateTime"/> (UTC or local), the
/// generated enums such as <c>NodeType</c> (sent as their wire text) and C# enums (sent as their
/// <c>EnumMember</c> value, else their name). Conditions the Hub would misread are refused
/// when they are put into <see cref="FindOptions.Filter"/>.
/// </remarks>
public static class Filter
{
    /// <summary>The opposite condition: not equal (<c>!x</c>), not starting with (or ending with, or containing, where the release has them), not in, not null.</summary>
    /// <param name="value">A plain value, <see langword="null"/>, or a condition made by this class other than a comparison.</param>
    /// <returns>The negated condition. Negating a comparison is refused when it is used, since the Hub ignores <c>!</c> there.</returns>
    public static FilterValue Not(object? value) => value switch
    {
        null => IsNotNull(),
        FilterValue condition => new FilterValue(Opposite(condition.Kind), condition.Items, condition.Kind switch
        {
            FilterKind.LessThan or FilterKind.LessOrEqual or FilterKind.GreaterThan or FilterKind.GreaterOrEqual =>
                "the Hub ignores '!' before a comparison; use the opposite comparison.",
            _ when condition.Problem is null && condition.Items.Count == 1 => FilterSyntax.Misread(Opposite(condition.Kind), condition.Items[0]),
            _ => condition.Problem,
        }),
        _ => One(FilterKind.NotEqual, value, OperandPlace.Equality),
    };

    /// <summary>
    /// Values that start with <paramref name="prefix"/> (SQL <c>LIKE 'prefix%'</c>), written as this package's
    /// Hub release writes it: <c>~prefix</c> on Hub 0.8.13 (rapiq 0.9), <c>prefix~</c> on 0.14 (rapiq 2).
    /// </summary>
    /// <param name="prefix">The start to match. The Hub does not escape <c>%</c> and <c>_</c>: they match any text and any one character.</param>
    /// <returns>The condition.</returns>
    public static FilterValue StartsWith(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return One(FilterKind.StartsWith, prefix, OperandPlace.AfterOperator);
    }
#if HUB_FILTER_ENDSWITH

    /// <summary>Values that end with <paramref name="suffix"/> (SQL <c>LIKE '%suffix'</c>; <c>~suffix</c> on rapiq 2).</summary>
    /// <param name="suffix">The end to match. The Hub does not escape <c>%</c> and <c>_</c>: they match any text and any one character.</param>
    /// <returns>The condition.</returns>
    public static FilterValue EndsWith(string suffix)
    {
        ArgumentNullException.ThrowIfNull(suffix);
        return One(FilterKind.EndsWith, suffix, OperandPlace.AfterOperator);
    }
#endif
#if HUB_FILTER_CONTAINS

    /// <summary>Values that contain <paramref name="part"/> (SQL <c>LIKE '%part%'</c>; <c>~part~</c> on rapiq 2).</summary>
    /// <param name="part">The text to find. The Hub does not escape <c>%</c> and <c>_</c>: they match any text and any one character.</param>
    /// <returns>The condition.</returns>
    public static FilterValue Contains(string part)
    {
        ArgumentNullException.ThrowIfNull(part);
        return One(FilterKind.Contains, part, OperandPlace.AfterOperator);
    }
#endif

    /// <summary>Values less than <paramref name="value"/> (<c>&lt;value</c>).</summary>
    /// <param name="value">A number, <see cref="DateTimeOffset"/>, <see cref="DateTime"/> or string.</param>
    /// <returns>The condition.</returns>
    public static FilterValue LessThan(object value) => One(FilterKind.LessThan, value, OperandPlace.AfterLessOrGreater);

    /// <summary>Values less than or equal to <paramref name="value"/> (<c>&lt;=value</c>).</summary>
    /// <param name="value">A number, <see cref="DateTimeOffset"/>, <see cref="DateTime"/> or string.</param>
    /// <returns>The condition.</returns>
    public static FilterValue LessOrEqual(object value) => One(FilterKind.LessOrEqual, value, OperandPlace.AfterOperator);

    /// <summary>Values greater than <paramref name="value"/> (<c>&gt;value</c>).</summary>
    /// <param name="value">A number, <see cref="DateTimeOffset"/>, <see cref="DateTime"/> or string.</param>
    /// <returns>The condition.</returns>
    public static FilterValue GreaterThan(object value) => One(FilterKind.GreaterThan, value, OperandPlace.AfterLessOrGreater);

    /// <summary>Values greater than or equal to <paramref name="value"/> (<c>&gt;=value</c>).</summary>
    /// <param name="value">A number, <see cref="DateTimeOffset"/>, <see cref="DateTime"/> or string.</param>
    /// <returns>The condition.</returns>
    public static FilterValue GreaterOrEqual(object value) => One(FilterKind.GreaterOrEqual, value, OperandPlace.AfterOperator);

    /// <summary>Values equal to one of <paramref name="values"/> (<c>a,b,c</c>).</summary>
    /// <param name="values">One or more values; an empty list is refused when used.</param>
    /// <returns>The condition.</returns>
    public static FilterValue In(params object?[] values) => List(FilterKind.In, values);

    /// <summary>Values equal to one of <paramref name="values"/> (<c>a,b,c</c>).</summary>
    /// <param name="values">One or more values; a string counts as one value. An empty list is refused when used.</param>
    /// <returns>The condition.</returns>
    public static FilterValue In(IEnumerable values) => List(FilterKind.In, values);

    /// <summary>Values equal to none of <paramref name="values"/> (<c>!a,b,c</c>).</summary>
    /// <param name="values">One or more values; an empty list is refused when used.</param>
    /// <returns>The condition.</returns>
    public static FilterValue NotIn(params object?[] values) => List(FilterKind.NotIn, values);

    /// <summary>Values equal to none of <paramref name="values"/> (<c>!a,b,c</c>).</summary>
    /// <param name="values">One or more values; a string counts as one value. An empty list is refused when used.</param>
    /// <returns>The condition.</returns>
    public static FilterValue NotIn(IEnumerable values) => List(FilterKind.NotIn, values);

    /// <summary>Fields that are NULL (<c>null</c>).</summary>
    /// <returns>The condition.</returns>
    public static FilterValue IsNull() => new(FilterKind.IsNull, []);

    /// <summary>Fields that are not NULL (<c>!null</c>).</summary>
    /// <returns>The condition.</returns>
    public static FilterValue IsNotNull() => new(FilterKind.IsNotNull, []);

    /// <summary>The condition a plain filter value stands for: itself, equality, or NULL.</summary>
    internal static FilterValue From(object? value) => value switch
    {
        FilterValue condition => condition,
        null => IsNull(),
        _ => One(FilterKind.Equal, value, OperandPlace.Equality),
    };

    private static FilterValue One(FilterKind kind, object? value, OperandPlace place)
    {
        var problem = FilterText.Format(value, place, out var text, FilterSyntax.Of(kind).Operand is FilterOperand.Text) ?? FilterSyntax.Misread(kind, text);
        return new FilterValue(kind, [text], problem);
    }

    private static FilterValue List(FilterKind kind, IEnumerable values)
    {
        ArgumentNullException.ThrowIfNull(values);
        List<object?> items = values is string single ? [single] : values.Cast<object?>().ToList();
        if (items.Count == 0)
            return new FilterValue(kind, [], "an empty list would be sent as an empty value, which the Hub ignores.");
        if (items.Count == 1)
            return One(kind, items[0], OperandPlace.Equality);
        var texts = new string[items.Count];
        string? problem = null;
        for (var i = 0; i < items.Count; i++)
        {
            var itemProblem = FilterText.Format(items[i], OperandPlace.ListItem, out texts[i]);
            problem ??= itemProblem is null ? null : $"list item {i} ('{texts[i]}'): {itemProblem}";
        }
        return new FilterValue(kind, texts, problem);
    }

    private static FilterKind Opposite(FilterKind kind) => kind switch
    {
        FilterKind.Equal => FilterKind.NotEqual,
        FilterKind.NotEqual => FilterKind.Equal,
        FilterKind.StartsWith => FilterKind.NotStartsWith,
        FilterKind.NotStartsWith => FilterKind.StartsWith,
        FilterKind.EndsWith => FilterKind.NotEndsWith,
        FilterKind.NotEndsWith => FilterKind.EndsWith,
        FilterKind.Contains => FilterKind.NotContains,
        FilterKind.NotContains => FilterKind.Contains,
        FilterKind.In => FilterKind.NotIn,
        FilterKind.NotIn => FilterKind.In,
        FilterKind.IsNull => FilterKind.IsNotNull,
        FilterKind.IsNotNull => FilterKind.IsNull,
        _ => kind,
    };
}
