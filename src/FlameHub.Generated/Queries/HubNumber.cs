using System.Text.RegularExpressions;

namespace FlameHub;

/// <summary>
/// The Hub turns every filter operand that JavaScript's <c>Number()</c> accepts into a number.
/// A string survives that unchanged only if it is already the number's own shortest form.
/// </summary>
internal static partial class HubNumber
{
    /// <summary>Whether the Hub would read <paramref name="text"/> as a number.</summary>
    internal static bool IsNumber(string text) => JsNumber().IsMatch(text);

    /// <summary>Whether <paramref name="text"/> reads back as the same text once the Hub made it a number.</summary>
    internal static bool IsCanonical(string text)
    {
        var match = Canonical().Match(text);
        if (!match.Success || text == "-0")
            return false;
        var whole = match.Groups["whole"].Value;
        var fraction = match.Groups["fraction"].Value;
        var digits = (whole + fraction).TrimStart('0').TrimEnd('0');
        // JavaScript prints 1e21 and up, and below 1e-6, in exponent form; doubles keep 15 digits exactly.
        var leadingZeros = whole == "0" ? fraction.Length - fraction.TrimStart('0').Length : 0;
        return whole.Length <= 21 && leadingZeros <= 5 && digits.Length <= 15;
    }

    [GeneratedRegex(@"^(?:[+-]?(?:Infinity|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)|0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex JsNumber();

    [GeneratedRegex(@"^-?(?<whole>0|[1-9][0-9]*)(?:\.(?<fraction>[0-9]*[1-9]))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Canonical();
}
