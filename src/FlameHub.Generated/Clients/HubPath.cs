using System.Globalization;

namespace FlameHub;

/// <summary>Formats path parameters for the generated clients.</summary>
internal static class HubPath
{
    /// <summary>
    /// One escaped path segment: ids in their canonical form, text percent-encoded (<c>/</c> and
    /// <c>?</c> included), so a value stays one segment of the path it was given for.
    /// </summary>
    /// <param name="value">The parameter value.</param>
    /// <exception cref="ArgumentException">The value's text is empty, <c>.</c> or <c>..</c>, which would name another path.</exception>
    public static string Segment(object value) => value switch
    {
        null => throw new ArgumentNullException(nameof(value)),
        Guid id => id.ToString("D"),
        IFormattable formattable => Escape(formattable.ToString(null, CultureInfo.InvariantCulture), nameof(value)),
        _ => Escape(value.ToString() ?? "", nameof(value)),
    };

    private static string Escape(string text, string parameterName) => text switch
    {
        "" => throw new ArgumentException("A path parameter must not be empty.", parameterName),
        "." or ".." => throw new ArgumentException($"A path parameter must not be \"{text}\": the URL would name another path.", parameterName),
        _ => Uri.EscapeDataString(text),
    };
}
