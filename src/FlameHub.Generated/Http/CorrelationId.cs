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
        if (Problem(value) is { } problem) throw new ArgumentException("The correlation id " + problem + ".", parameterName);
        return value;
    }

    /// <summary>What keeps <paramref name="value"/> from being sent as <c>X-Request-Id</c>, without the value; null when nothing does.</summary>
    public static string? Problem(string value)
    {
        if (value.Length == 0) return "must not be empty";
        if (value.Length > MaxLength) return $"is {value.Length} characters long; at most {MaxLength} are sent as X-Request-Id";
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is >= '\x21' and <= '\x7E') continue;
            return $"contains {Describe(c)} at index {i}; X-Request-Id takes visible ASCII only (0x21-0x7E)";
        }
        return null;
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
