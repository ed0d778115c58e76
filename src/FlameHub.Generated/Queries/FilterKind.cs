namespace FlameHub;

/// <summary>The comparison a <see cref="FilterValue"/> asks the Hub for.</summary>
internal enum FilterKind
{
    Equal,
    NotEqual,
    StartsWith,
    NotStartsWith,
    LessThan,
    LessOrEqual,
    GreaterThan,
    GreaterOrEqual,
    In,
    NotIn,
    IsNull,
    IsNotNull,
}
