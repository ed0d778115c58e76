using System.Reflection;
using FlameHub.Core;

namespace FlameHub.Generated.Tests.Live;

/// <summary>
/// The real Hub the Live tests run against, from <c>FLAMEHUB_URL</c> (the gateway root serving
/// <c>auth/</c>, <c>core/</c>, <c>storage/</c>), <c>FLAMEHUB_USER</c> and <c>FLAMEHUB_PASSWORD</c>.
/// Without them the tests are reported as skipped; so are they when that Hub runs another release
/// than the one the package under test is for (each release's run tests its own package).
/// </summary>
internal sealed record LiveHub(Uri Url, string User, string Password)
{
    /// <summary>
    /// The Hub release of the package the tests run against, from its version
    /// (<c>&lt;release&gt;-hub.N</c>), not from this test assembly.
    /// </summary>
    public static string PackageRelease { get; } = ReleaseOf(typeof(CoreClient).Assembly);

    public static async Task<LiveHub> RequireOrIgnoreAsync()
    {
        var url = Environment.GetEnvironmentVariable("FLAMEHUB_URL");
        var user = Environment.GetEnvironmentVariable("FLAMEHUB_USER");
        var password = Environment.GetEnvironmentVariable("FLAMEHUB_PASSWORD");
        if (string.IsNullOrWhiteSpace(url) || string.IsNullOrWhiteSpace(user) || string.IsNullOrWhiteSpace(password))
        {
            Assert.Ignore("Live Hub not configured: set FLAMEHUB_URL, FLAMEHUB_USER and FLAMEHUB_PASSWORD.");
        }
        var hub = new LiveHub(new Uri(url!.EndsWith('/') ? url : url + "/"), user!, password!);
        var served = await hub.ServedReleaseAsync();
        if (served != PackageRelease)
        {
            Assert.Ignore($"The live Hub runs {served}; this run tests the package for Hub {PackageRelease}.");
        }
        return hub;
    }

    /// <summary>The release the Hub's core says it runs (its status document, which needs no token).</summary>
    private async Task<string> ServedReleaseAsync()
    {
        using var core = new CoreClient(new Uri(Url, "core/"));
        return (await core.GetStatusAsync().WaitAsync(TimeSpan.FromSeconds(30))).Version;
    }

    private static string ReleaseOf(Assembly package) =>
        ReleaseOf(package.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? throw new InvalidOperationException($"{package.GetName().Name} has no informational version."));

    /// <summary>The Hub release in a package version such as <c>0.14.0-hub.1+abc123</c>.</summary>
    internal static string ReleaseOf(string version)
    {
        var end = version.IndexOf("-hub.", StringComparison.Ordinal);
        if (end < 0) throw new InvalidOperationException($"The package version {version} is not <Hub release>-hub.N.");
        return version[..end];
    }
}
