using System.Globalization;

namespace FlameHub;

/// <summary>Formats path parameters for the generated clients.</summary>
public static class HubPath
{
    /// <summary>One escaped path segment: ids in their canonical form, text percent-encoded.</summary>
    /// <param name="value">The parameter value.</param>
    public static string Segment(object value) => value switch
    {
        null => throw new ArgumentNullException(nameof(value)),
        Guid id => id.ToString("D"),
        string text when text.Length == 0 => throw new ArgumentException("A path parameter must not be empty.", nameof(value)),
        string text => Uri.EscapeDataString(text),
        IFormattable formattable => Uri.EscapeDataString(formattable.ToString(null, CultureInfo.InvariantCulture)),
        _ => Uri.EscapeDataString(value.ToString() ?? ""),
    };
}
