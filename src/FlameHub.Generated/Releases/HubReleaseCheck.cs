namespace FlameHub;

/// <summary>What a client does when its service reports a release this package does not speak.</summary>
public enum HubReleaseCheck
{
    /// <summary>
    /// The default: the call fails with a <see cref="HubReleaseMismatchException"/> before anything is
    /// sent, and with a <see cref="HubReleaseCheckException"/> when the release cannot be read.
    /// </summary>
    Strict,

    /// <summary>Logs a warning once (mismatch or a check that failed) and goes on.</summary>
    Warn,

    /// <summary>No check: the service's <c>GET /</c> is not read.</summary>
    Off,
}
