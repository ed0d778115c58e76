using System.Reflection;
using FlameHub.Auth;

namespace FlameHub.Generated.Tests.Release;

/// <summary>
/// What only some Hub releases have is in this package exactly when the release's documents say so
/// (the generator's HubReleaseFacts): robots and their grant, Basic credentials, and their
/// configuration kinds. Runs against the build of each release.
/// </summary>
public class ReleaseFeatureTests
{
    private static readonly Assembly Library = typeof(HubClientBase).Assembly;

    /// <summary>What each release has, from its recorded exchanges.</summary>
    private static readonly Dictionary<string, (bool Robots, bool Basic)> Recorded = new()
    {
        ["0.8.13"] = (true, true),   // hub-0.8.13 exchanges 17 (robots) and 34 (Basic on core)
        ["0.14.0"] = (false, false), // hub-0.14.0: Authup beta.62 has no /robots; exchange 69: core answers Basic with 500
    };

    [Test]
    public void The_facts_are_those_recorded_for_this_release()
    {
        Assert.That(Recorded.TryGetValue(HubRelease.Hub, out var recorded), Is.True, $"nothing recorded for Hub {HubRelease.Hub}: add it here");
        Assert.That((HubReleaseFacts.Robots, HubReleaseFacts.BasicAuth), Is.EqualTo(recorded));
    }

    [Test]
    public void RobotAuth_and_the_robot_operations_exist_only_where_auth_has_robots()
    {
        Assert.That(Library.GetType("FlameHub.RobotAuth") is not null, Is.EqualTo(HubReleaseFacts.Robots));
        Assert.That(Library.GetType("FlameHub.TokenGrant")!.GetMethod("RobotCredentials") is not null, Is.EqualTo(HubReleaseFacts.Robots));
        Assert.That(typeof(AuthClient).GetMethods().Any(m => m.Name.Contains("Robot", StringComparison.Ordinal)), Is.EqualTo(HubReleaseFacts.Robots),
            "the generated operations come from the same documents");
    }

    [Test]
    public void BasicAuth_exists_only_where_core_declares_Basic_credentials() =>
        Assert.That(Library.GetType("FlameHub.BasicAuth") is not null, Is.EqualTo(HubReleaseFacts.BasicAuth));

    [Test]
    public void The_configuration_offers_the_Robot_and_Basic_kinds_only_where_they_exist()
    {
        var kinds = (string)typeof(FlameHubOptions).Assembly.GetType("FlameHub.FlameHubCredentialSettings")!
            .GetField("KindList", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
        // Read into locals: the facts are constants, and a release without them would make the adds unreachable code (an error).
        bool robots = HubReleaseFacts.Robots, basic = HubReleaseFacts.BasicAuth;
        var expected = new List<string> { "Password" };
        if (robots) expected.Add("Robot");
        expected.AddRange(["Client", "StaticToken"]);
        if (basic) expected.Add("Basic");
        expected.Add("None");
        Assert.That(kinds, Is.EqualTo(string.Join(", ", expected)));
    }
}
