using System.Reflection;
using System.Text.RegularExpressions;

namespace FlameHub.Generated.Tests.Contract;

/// <summary>
/// Which of the 59 exchanges recorded against Hub 0.8.13 the contract tests replay, and why the
/// others are left out. A test named <c>Exchange_NN_...</c> covers exchange NN.
/// </summary>
public partial class ExchangeCoverageTests
{
    /// <summary>The recording's exchanges are numbered 1 to 59 (its INDEX.md).</summary>
    private const int Recorded = 59;

    /// <summary>The exchanges no contract test replays, each with the reason.</summary>
    private static readonly Dictionary<int, string> Uncovered = new()
    {
        [2] = "password grant (JSON): token exchanges are left to the credential tests (another team's; PasswordAuth)",
        [3] = "password grant (form-encoded): covered by Transport/GrantTests with HubCredentialOptions.FormEncodedGrants",
        [4] = "bad password: token exchanges are left to the credential tests (another team's; HubAuthenticationException)",
        [6] = "GET /users/@me: no client method; the auth spec has no /users/@me path and GetUserAsync takes a Guid",
        [19] = "robot_credentials grant: token exchanges are left to the credential tests (another team's; RobotAuth)",
        [47] = "GET / on storage: the storage spec declares no status operation, so StorageClient has no GetStatusAsync",
    };

    /// <summary>Covered, but with a stated deviation from the recorded request.</summary>
    private static readonly Dictionary<int, string> Deviations = new()
    {
        [16] = "page[offset]=0 sent beyond the recorded page[limit]",
        [17] = "page[offset]=0 sent beyond the recorded page[limit]",
        [26] = "request body without \"type\":\"nope\", which the typed NodeType cannot carry",
        [30] = "page[offset]=0 sent beyond the recorded page[limit]",
        [34] = "page[offset]=0 sent beyond the recorded page[limit]",
        [35] = "page[offset]=0 sent beyond the recorded page[limit]",
        [49] = "page[offset]=0 sent beyond the recorded page[limit]",
        [53] = "body bytes from the recording's preview (12 bytes), not a recorded body",
        [54] = "body bytes made up to the recorded length (3072), not the recorded tar",
        [56] = "the answer is not read: DeleteBucketFileAsync returns no entity",
        [57] = "the answer is not read: DeleteNodeAsync returns no entity",
        [59] = "the answer is not read: DeleteUserAsync returns no entity",
    };

    private static SortedSet<int> Covered() => new(
        typeof(ExchangeCoverageTests).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(ExchangeCoverageTests).Namespace)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .Where(m => m.GetCustomAttribute<TestAttribute>() is not null)
            .Select(m => TestName().Match(m.Name))
            .Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));

    [Test]
    public void Every_recorded_exchange_is_covered_or_left_out_with_a_reason()
    {
        var covered = Covered();
        TestContext.Out.WriteLine($"Covered ({covered.Count}): {string.Join(", ", covered)}");
        foreach (var (number, deviation) in Deviations) TestContext.Out.WriteLine($"  {number:D2} with deviation: {deviation}");
        TestContext.Out.WriteLine($"Not covered ({Uncovered.Count}):");
        foreach (var (number, reason) in Uncovered) TestContext.Out.WriteLine($"  {number:D2}: {reason}");

        Assert.Multiple(() =>
        {
            Assert.That(covered.Concat(Uncovered.Keys).Order(), Is.EqualTo(Enumerable.Range(1, Recorded)),
                "each exchange exactly once: covered by a test, or left out with a reason");
            Assert.That(Deviations.Keys, Is.SubsetOf(covered), "deviations are noted for covered exchanges only");
        });
    }

    [Test]
    public void The_fixtures_are_exactly_the_covered_exchanges()
    {
        var fixtures = Directory.GetFiles(Exchange.Directory, "*.json")
            .Select(f => int.Parse(Path.GetFileName(f)[..2], System.Globalization.CultureInfo.InvariantCulture));

        Assert.That(fixtures.Order(), Is.EqualTo(Covered()));
    }

    [Test]
    public void No_fixture_holds_a_real_JWT()
    {
        foreach (var file in Directory.GetFiles(Exchange.Directory, "*.json"))
        {
            Assert.That(Jwt().IsMatch(File.ReadAllText(file)), Is.False, Path.GetFileName(file));
        }
    }

    [GeneratedRegex(@"^Exchange_(\d{2})_")]
    private static partial Regex TestName();

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")]
    private static partial Regex Jwt();
}
