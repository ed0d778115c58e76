namespace FlameHub;

/// <summary>How the release's filter grammar writes one condition: <c>{Prefix}operand{Suffix}</c>.</summary>
/// <param name="Kind">The condition.</param>
/// <param name="Prefix">What precedes the operand; for <see cref="FilterOperand.None"/>, the whole value.</param>
/// <param name="Suffix">What follows the operand.</param>
/// <param name="Operand">What the condition takes.</param>
internal readonly record struct FilterOperator(FilterKind Kind, string Prefix, string Suffix, FilterOperand Operand);
