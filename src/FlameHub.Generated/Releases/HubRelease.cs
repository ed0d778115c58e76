namespace FlameHub;

/// <summary>
/// The releases this package was generated for, from its release's <c>hub-release.json</c>. A
/// client checks the release its service reports against these before its first request (see
/// <see cref="HubClientOptions.ReleaseCheck"/>).
/// </summary>
public static class HubRelease
{
    /// <summary>The Hub release (core and storage), for example <c>0.8.13</c>.</summary>
    public static string Hub => GeneratedReleases.Own.Hub;

    /// <summary>The Authup release of the auth service, for example <c>1.0.0-beta.26</c>.</summary>
    public static string Authup => GeneratedReleases.Own.Authup;

    /// <summary>This package's version, for example <c>0.8.13-hub.1</c>.</summary>
    public static string PackageVersion => GeneratedReleases.Own.Package;
}
