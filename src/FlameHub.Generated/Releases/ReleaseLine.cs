namespace FlameHub;

/// <summary>One release the repository supports: the Hub's and Authup's releases and the package version that speaks them.</summary>
/// <param name="Hub">The Hub release, for example <c>0.8.13</c>.</param>
/// <param name="Authup">The Authup release, for example <c>1.0.0-beta.26</c>.</param>
/// <param name="Package">The package version, for example <c>0.8.13-hub.1</c> (<c>0.14.0-hub.*</c> for a release other than the package's own).</param>
internal sealed record ReleaseLine(string Hub, string Authup, string Package)
{
    /// <summary>The release of <paramref name="product"/> (<c>Hub</c> or <c>Authup</c>); null for another product.</summary>
    public string? VersionOf(string product) => product switch
    {
        "Hub" => Hub,
        "Authup" => Authup,
        _ => null,
    };
}
