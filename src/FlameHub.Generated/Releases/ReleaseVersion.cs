using System.Globalization;

namespace FlameHub;

/// <summary>How a reported release compares with the one a package speaks.</summary>
internal enum ReleaseMatch
{
    /// <summary>The same release.</summary>
    Same,

    /// <summary>Another patch of the same line (major and minor), neither a pre-release.</summary>
    Patch,

    /// <summary>Another line, or another pre-release (such as another Authup beta).</summary>
    Other,
}

/// <summary>A release as a service reports it: <c>major.minor.patch</c>, an optional pre-release, build metadata ignored.</summary>
internal readonly record struct ReleaseVersion(int Major, int Minor, int Patch, string? Prerelease)
{
    private const int MaxLength = 64;

    /// <summary>Reads <c>0.8.13</c>, <c>v0.14.0</c>, <c>1.0.0-beta.26</c>; false for anything else.</summary>
    public static bool TryParse(string? text, out ReleaseVersion version)
    {
        version = default;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength) return false;
        var span = text.AsSpan();
        if (span[0] is 'v' or 'V') span = span[1..];
        var plus = span.IndexOf('+');
        if (plus >= 0)
        {
            if (!IsIdentifiers(span[(plus + 1)..])) return false;
            span = span[..plus];
        }
        string? prerelease = null;
        var dash = span.IndexOf('-');
        if (dash >= 0)
        {
            if (!IsIdentifiers(span[(dash + 1)..])) return false;
            prerelease = span[(dash + 1)..].ToString();
            span = span[..dash];
        }
        Span<Range> parts = stackalloc Range[4];
        if (span.Split(parts, '.') != 3) return false;
        if (!Number(span[parts[0]], out var major) || !Number(span[parts[1]], out var minor) || !Number(span[parts[2]], out var patch)) return false;
        version = new ReleaseVersion(major, minor, patch, prerelease);
        return true;
    }

    /// <summary>How <paramref name="reported"/> compares with this release, the one a package speaks.</summary>
    public ReleaseMatch Compare(ReleaseVersion reported)
    {
        if (this == reported) return ReleaseMatch.Same;
        if (Prerelease is not null || reported.Prerelease is not null) return ReleaseMatch.Other;
        return Major == reported.Major && Minor == reported.Minor ? ReleaseMatch.Patch : ReleaseMatch.Other;
    }

    /// <summary>What a package for this release speaks: the line (<c>0.8.x</c>), or the exact pre-release.</summary>
    public string Line => Prerelease is null ? $"{Major}.{Minor}.x" : ToString();

    public override string ToString() => Prerelease is null ? $"{Major}.{Minor}.{Patch}" : $"{Major}.{Minor}.{Patch}-{Prerelease}";

    private static bool Number(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        return digits.Length is > 0 and <= 9 && (digits.Length == 1 || digits[0] != '0') && !digits.ContainsAnyExcept("0123456789")
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static bool IsIdentifiers(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text[0] == '.' || text[^1] == '.' || text.Contains("..", StringComparison.Ordinal)) return false;
        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-')) return false;
        }
        return true;
    }
}
