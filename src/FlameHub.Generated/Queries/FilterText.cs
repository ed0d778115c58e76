using System.Globalization;
using System.Reflection;
using System.Runtime.Serialization;

namespace FlameHub;

/// <summary>
/// Formats filter operands invariantly and says why the Hub would misread one, if it would.
/// The Hub splits at commas, trims, reads <c>true</c>, <c>false</c>, <c>null</c> and numbers in any
/// spelling; how it reads operators around a value is the release's grammar (<see cref="FilterSyntax.Misread(FilterKind, string)"/>).
/// </summary>
internal static class FilterText
{
    private const long MaxExactInteger = 1L << 53;

    /// <summary>Formats <paramref name="value"/> for <paramref name="place"/>.</summary>
    /// <returns>Why the Hub would misread it, or <see langword="null"/>.</returns>
    /// <param name="value">The operand.</param>
    /// <param name="place">Where it stands.</param>
    /// <param name="text">Its wire text.</param>
    /// <param name="asText">The release's Hub keeps this operand as text (<see cref="FilterOperand.Text"/>): no number or boolean reading.</param>
    internal static string? Format(object? value, OperandPlace place, out string text, bool asText = false)
    {
        text = value is null ? "" : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        if (value is null)
            return "null cannot be an operand here; use Filter.IsNull() or Filter.IsNotNull().";
        if (place is OperandPlace.AfterLessOrGreater or OperandPlace.AfterOperator && !IsComparable(value))
            return $"a {value.GetType().Name} cannot be compared; use a number, DateTimeOffset, DateTime or string.";
        var problem = FormatScalar(value, out text);
        if (problem is not null)
            return problem;
        if (place is OperandPlace.ListItem && text == "false")
            return "the Hub drops 'false' from a list.";
        return value is string or char or IWireEnum || value.GetType().IsEnum ? CheckText(text, place, asText) : null;
    }

    private static bool IsComparable(object value) =>
        value is string or char or DateTimeOffset or DateTime or sbyte or byte or short or ushort
            or int or uint or long or ulong or float or double or decimal;

    private static string? FormatScalar(object value, out string text)
    {
        var invariant = CultureInfo.InvariantCulture;
        text = Convert.ToString(value, invariant) ?? "";
        switch (value)
        {
            case string or char or sbyte or byte or short or ushort or int or uint:
                return null;
            case bool b:
                text = b ? "true" : "false";
                return null;
            case long l:
                return l is >= -MaxExactInteger and <= MaxExactInteger ? null : "the Hub reads numbers as doubles, which lose integers beyond 2^53.";
            case ulong u:
                return u <= MaxExactInteger ? null : "the Hub reads numbers as doubles, which lose integers beyond 2^53.";
            case float f:
                text = f.ToString("R", invariant);
                return float.IsFinite(f) ? null : "the Hub cannot read NaN or infinity.";
            case double d:
                text = d.ToString("R", invariant);
                return double.IsFinite(d) ? null : "the Hub cannot read NaN or infinity.";
            case decimal m:
                return m.ToString(invariant).Replace("-", "").Replace(".", "").Trim('0').Length <= 15
                    ? null : "the Hub reads numbers as doubles, which keep only 15 significant digits.";
            case Guid g:
                text = g.ToString("D");
                return null;
            case DateTimeOffset o:
                text = Utc(o.UtcDateTime);
                return null;
            case DateTime t:
                text = t.Kind == DateTimeKind.Unspecified ? text : Utc(t.ToUniversalTime());
                return t.Kind == DateTimeKind.Unspecified ? "a DateTime of unspecified kind has no fixed instant; use DateTimeOffset or DateTimeKind.Utc." : null;
            case Enum e:
                return EnumText(e, out text);
            case IWireEnum:
                text = value.ToString() ?? "";
                return null;
            default:
                return $"a value of type {value.GetType().Name} cannot be sent; use a string, bool, number, Guid, DateTimeOffset, DateTime or enum.";
        }
    }

    private static string Utc(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string? EnumText(Enum value, out string text)
    {
        var type = value.GetType();
        var name = Enum.GetName(type, value);
        text = name is null ? value.ToString() : type.GetField(name)?.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? name;
        return name is null ? $"{value} is not a single named value of {type.Name}." : null;
    }

    private static string? CheckText(string text, OperandPlace place, bool asText)
    {
        if (text.Length == 0)
            return "the Hub ignores an empty value.";
        if (IsTrimmed(text[0]) || IsTrimmed(text[^1]))
            return "the Hub trims white space around a value.";
        if (text.Contains(','))
            return "the Hub splits a value at ',' into a list.";
        if (text.Equals("null", StringComparison.OrdinalIgnoreCase))
            return "the Hub reads 'null' as NULL; use Filter.IsNull() or Filter.IsNotNull().";
        if (!asText && (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.Equals("false", StringComparison.OrdinalIgnoreCase))
            && text != "true" && text != "false")
            return "the Hub reads it as the boolean written in lower case.";
        if (!asText && HubNumber.IsNumber(text) && !HubNumber.IsCanonical(text))
            return "the Hub reads it as a number and loses its spelling.";
        var notIn = FilterSyntax.Of(FilterKind.NotIn).Prefix;
        return place is OperandPlace.ListItem && text.StartsWith(notIn, StringComparison.Ordinal)
            ? $"the Hub reads '{notIn}' at the start of any list item as negating the whole list."
            : null;
    }

    private static bool IsTrimmed(char c) => char.IsWhiteSpace(c) || c == '\uFEFF';
}
