namespace FlameHub.Generator;

/// <summary>The numeric part of a release name (<c>0.14.0</c>, <c>1.0.0-beta.62</c> → 1.0.0), for ordering releases.</summary>
public static class ReleaseVersion
{
    public static Version Parse(string version) =>
        TryParse(version) ?? throw new GeneratorException($"'{version}' is not a release version.");

    public static Version? TryParse(string version)
    {
        var numeric = version.Split('-', '+')[0];
        return Version.TryParse(numeric.Contains('.') ? numeric : numeric + ".0", out var v) ? v : null;
    }
}
