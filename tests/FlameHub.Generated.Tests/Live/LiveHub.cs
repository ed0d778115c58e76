namespace FlameHub.Generated.Tests.Live;

/// <summary>
/// The real Hub the Live tests run against, from <c>FLAMEHUB_URL</c> (the gateway root serving
/// <c>auth/</c>, <c>core/</c>, <c>storage/</c>), <c>FLAMEHUB_USER</c> and <c>FLAMEHUB_PASSWORD</c>.
/// Without them the tests are reported as skipped.
/// </summary>
internal sealed record LiveHub(Uri Url, string User, string Password)
{
    public static LiveHub RequireOrIgnore()
    {
        var url = Environment.GetEnvironmentVariable("FLAMEHUB_URL");
        var user = Environment.GetEnvironmentVariable("FLAMEHUB_USER");
        var password = Environment.GetEnvironmentVariable("FLAMEHUB_PASSWORD");
        if (string.IsNullOrWhiteSpace(url) || string.IsNullOrWhiteSpace(user) || string.IsNullOrWhiteSpace(password))
        {
            Assert.Ignore("Live Hub not configured: set FLAMEHUB_URL, FLAMEHUB_USER and FLAMEHUB_PASSWORD.");
        }
        return new LiveHub(new Uri(url!.EndsWith('/') ? url : url + "/"), user!, password!);
    }
}
