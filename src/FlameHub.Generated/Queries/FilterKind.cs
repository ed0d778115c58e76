namespace FlameHub;

/// <summary>
/// The comparison a <see cref="FilterValue"/> asks the Hub for. How each is written, and whether a
/// release has it at all, is the release's data (<c>generator/quirks/hub-{release}/filters.json</c>,
/// compiled into <see cref="FilterSyntax.Operators"/>).
/// </summary>
internal enum FilterKind
{
    Equal,
    NotEqual,
    StartsWith,
    NotStartsWith,
    EndsWith,
    NotEndsWith,
    Contains,
    NotContains,
    LessThan,
    LessOrEqual,
    GreaterThan,
    GreaterOrEqual,
    In,
    NotIn,
    IsNull,
    IsNotNull,
}
