namespace FlameHub;

/// <summary>
/// Checks a correlation id where it is set, long before a request carries it: visible ASCII only,
/// so no value can end the <c>X-Request-Id</c> header early and start another. The value itself is
/// never echoed; it may be long, or hold what should not reach a log.
/// </summary>
internal static class CorrelationId
{
    public const int MaxLength = 200;

    public static string Check(string? value, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        if (value.Length == 0) throw new ArgumentException("The correlation id must not be empty.", parameterName);
        if (value.Length > MaxLength)
        {
            throw new ArgumentException($"The correlation id is {value.Length} characters long; at most {MaxLength} are sent as X-Request-Id.", parameterName);
        }
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is >= '\x21' and <= '\x7E') continue;
            throw new ArgumentException(
                $"The correlation id contains {Describe(c)} at index {i}; X-Request-Id takes visible ASCII only (0x21-0x7E).", parameterName);
        }
        return value;
    }

    private static string Describe(char c) => c switch
    {
        '\r' => "a control character (CR)",
        '\n' => "a control character (LF)",
        '\t' => "a control character (TAB)",
        '\0' => "a control character (NUL)",
        '\x7F' => "a control character (DEL)",
        ' ' => "a space",
        _ when char.IsControl(c) => $"a control character (U+{(int)c:X4})",
        _ => $"a non-ASCII character (U+{(int)c:X4})",
    };
}
