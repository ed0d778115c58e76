namespace FlameHub;

/// <summary>
/// A service reports a release this package does not speak (another minor line of the Hub, or
/// another Authup pre-release), so the call was refused before anything was sent. The message names
/// both releases and, when this package knows it, the package version that speaks the service's.
/// </summary>
public sealed class HubReleaseMismatchException : Exception
{
    internal HubReleaseMismatchException(string message, string service, string reportedVersion, string expectedVersion, string? suggestedPackageVersion)
        : base(message)
    {
        Service = service;
        ReportedVersion = reportedVersion;
        ExpectedVersion = expectedVersion;
        SuggestedPackageVersion = suggestedPackageVersion;
    }

    /// <summary>The service: <c>auth</c>, <c>core</c> or <c>storage</c>.</summary>
    public string Service { get; }

    /// <summary>The release the service reports at <c>GET /</c>, for example <c>0.14.0</c>.</summary>
    public string ReportedVersion { get; }

    /// <summary>The release this package was generated for (<see cref="HubRelease.Hub"/> or <see cref="HubRelease.Authup"/>).</summary>
    public string ExpectedVersion { get; }

    /// <summary>The FlameHub.Generated version that speaks <see cref="ReportedVersion"/>, for example <c>0.14.0-hub.*</c>; null when this package knows none.</summary>
    public string? SuggestedPackageVersion { get; }
}
