using System.Reflection;
using System.Text.RegularExpressions;

namespace FlameHub.Generated.Tests.Contract;

/// <summary>
/// The coverage ledger of this run's release: which of the exchanges recorded against its Hub the
/// contract tests replay, and why the others are left out (<see cref="ExchangeLedger"/>, one per
/// release). A test named <c>Exchange_NN_...</c> covers exchange NN; one marked
/// <c>[Ignore("Known gap: ...")]</c> shows what the package still gets wrong there and covers nothing.
/// </summary>
public partial class ExchangeCoverageTests
{
    private static IEnumerable<(int Number, MethodInfo Test)> ExchangeTests() =>
        typeof(ExchangeCoverageTests).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(ExchangeCoverageTests).Namespace)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            .Where(m => m.GetCustomAttribute<TestAttribute>() is not null)
            .Select(m => (Match: TestName().Match(m.Name), Test: m))
            .Where(m => m.Match.Success)
            .Select(m => (int.Parse(m.Match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), m.Test));

    private static SortedSet<int> Covered() =>
        new(ExchangeTests().Where(t => t.Test.GetCustomAttribute<IgnoreAttribute>() is null).Select(t => t.Number));

    /// <summary>The exchanges whose test is set aside as a known gap, with the reason its <c>[Ignore]</c> gives.</summary>
    private static SortedDictionary<int, string> KnownGaps() =>
        new(ExchangeTests()
            .Where(t => t.Test.GetCustomAttribute<IgnoreAttribute>() is not null)
            .ToDictionary(t => t.Number, t => IgnoreReason(t.Test)));

    private static string IgnoreReason(MethodInfo test) =>
        test.GetCustomAttributesData().Single(a => a.AttributeType == typeof(IgnoreAttribute)).ConstructorArguments[0].Value as string ?? "";

    [Test]
    public void Every_recorded_exchange_is_covered_or_left_out_with_a_reason()
    {
        var covered = Covered();
        var gaps = KnownGaps();
        TestContext.Out.WriteLine($"Hub {RepositoryPaths.HubRelease}: {ExchangeLedger.Recorded} exchanges recorded");
        TestContext.Out.WriteLine($"Covered ({covered.Count}): {string.Join(", ", covered)}");
        foreach (var (number, deviation) in ExchangeLedger.Deviations) TestContext.Out.WriteLine($"  {number:D2} with deviation: {deviation}");
        TestContext.Out.WriteLine($"Known gaps, the package is wrong ({gaps.Count}):");
        foreach (var (number, reason) in gaps) TestContext.Out.WriteLine($"  {number:D2}: {reason}");
        TestContext.Out.WriteLine($"Not covered ({ExchangeLedger.Uncovered.Count}):");
        foreach (var (number, reason) in ExchangeLedger.Uncovered) TestContext.Out.WriteLine($"  {number:D2}: {reason}");

        Assert.Multiple(() =>
        {
            Assert.That(covered.Concat(gaps.Keys).Concat(ExchangeLedger.Uncovered.Keys).Order(), Is.EqualTo(Enumerable.Range(1, ExchangeLedger.Recorded)),
                "each exchange exactly once: covered by a test, a known gap, or left out with a reason");
            Assert.That(ExchangeLedger.Deviations.Keys, Is.SubsetOf(covered), "deviations are noted for covered exchanges only");
            Assert.That(gaps.Values, Is.All.StartsWith("Known gap: "), "a test set aside says it is a known gap, and why");
        });
    }

    [Test]
    public void The_fixtures_are_exactly_the_replayed_exchanges()
    {
        var fixtures = Directory.GetFiles(Exchange.Directory, "*.json")
            .Select(f => int.Parse(Path.GetFileName(f)[..2], System.Globalization.CultureInfo.InvariantCulture));

        Assert.That(fixtures.Order(), Is.EqualTo(Covered().Concat(KnownGaps().Keys).Order()));
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
