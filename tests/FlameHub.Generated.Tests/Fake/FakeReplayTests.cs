using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace FlameHub.Generated.Tests.Fake;

/// <summary>
/// FakeHub's fidelity to this run's release, from its recordings: every exchange recorded against
/// a real Hub (Fixtures/exchanges), replayed in recorded order against one fresh fake, gives the
/// recorded status and an answer of the recorded shape (<see cref="BodyShape"/>), or is listed in
/// the release's ledger, Fixtures/fake-replay.json, with the reason the fake cannot answer it yet.
/// </summary>
public sealed class FakeReplayTests
{
    [Test, CancelAfter(60_000)]
    public async Task Every_recorded_exchange_replayed_against_the_fake_gives_the_recorded_answer_or_is_listed(CancellationToken cancellationToken)
    {
        var ledger = Ledger();
        var exchanges = RecordedExchange.All();
        using var hub = new FakeHub(new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)));
        using var replay = new ExchangeReplay(hub);
        var failing = new SortedDictionary<int, string>();
        foreach (var exchange in exchanges)
        {
            var differences = await replay.ReplayAsync(exchange, cancellationToken);
            if (differences.Count > 0) failing[exchange.Number] = string.Join("; ", differences);
        }

        TestContext.Out.WriteLine($"Hub {RepositoryPaths.HubRelease}: {exchanges.Count} exchanges replayed, {exchanges.Count - failing.Count} answered as recorded, {ledger.Count} listed");
        foreach (var (number, differences) in failing) TestContext.Out.WriteLine($"  {number:D2}{(ledger.TryGetValue(number, out var reason) ? $" (listed: {reason})" : "")}: {differences}");
        var unlisted = failing.Where(f => !ledger.ContainsKey(f.Key)).Select(f => $"{f.Key:D2}: {f.Value}").ToList();
        var passing = ledger.Keys.Where(n => !failing.ContainsKey(n)).Order().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(exchanges, Has.Count.GreaterThan(40), "the release's recording");
            Assert.That(unlisted, Is.Empty, "exchanges the fake answers differently from the Hub: fix the fake, or list them with a reason");
            Assert.That(passing, Is.Empty, "listed exchanges the fake now answers as recorded: take them off the ledger");
            Assert.That(ledger.Keys, Is.SubsetOf(exchanges.Select(e => e.Number)), "the ledger lists recorded exchanges only");
            Assert.That(ledger.Values, Is.All.Not.Empty, "each listed exchange has its reason");
        });
    }

    [Test]
    public void The_shape_comparison_sees_a_missing_field_a_changed_kind_an_empty_list_and_items_out_of_place()
    {
        var recorded = JsonNode.Parse("""{"data":[{"id":"a","size":1,"tags":["x"]}],"meta":{"total":1}}""");

        Assert.Multiple(() =>
        {
            Assert.That(BodyShape.Differences(recorded, JsonNode.Parse("""{"data":[{"id":"b","size":2,"tags":["y","z"]}],"meta":{"total":7}}""")), Is.Empty, "values aside");
            Assert.That(BodyShape.Differences(recorded, JsonNode.Parse("""{"data":[{"id":"b","size":2,"tags":null}],"meta":{"total":1}}""")), Is.Empty, "a null has no kind");
            Assert.That(BodyShape.Differences(recorded, JsonNode.Parse("""{"data":[{"id":"b","tags":[]}],"meta":{"total":1}}""")),
                Is.EquivalentTo(new[] { "$.data[0]: fields missing: size", "$.data[0].tags: recorded 1 items, fake 0" }));
            Assert.That(BodyShape.Differences(recorded, JsonNode.Parse("""{"data":[{"id":1,"size":2,"tags":["y"],"more":true}],"meta":{"total":1}}""")),
                Is.EquivalentTo(new[] { "$.data[0]: fields not recorded: more", "$.data[0].id: recorded String, fake Number" }));
            var issues = JsonNode.Parse("""{"issues":[{"code":"min_length","data":{"min":3}},{"code":"uuid","meta":{"optional":true}}]}""");
            Assert.That(BodyShape.Differences(issues, JsonNode.Parse("""{"issues":[{"code":"a","data":{"min":1}},{"code":"b","meta":{"optional":true}}]}""")), Is.Empty, "items of different shapes, each at its place");
            Assert.That(BodyShape.Differences(issues, JsonNode.Parse("""{"issues":[{"code":"b","meta":{"optional":true}},{"code":"a","data":{"min":1}}]}""")),
                Is.EquivalentTo(new[] { "$.issues[0]: fields missing: data", "$.issues[0]: fields not recorded: meta", "$.issues[1]: fields missing: meta", "$.issues[1]: fields not recorded: data" }));
        });
    }

    /// <summary>The release's ledger: exchange number to the reason the fake cannot answer it as recorded yet.</summary>
    private static Dictionary<int, string> Ledger()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Fixtures", "fake-replay.json");
        var entries = JsonNode.Parse(File.ReadAllText(file))!["exchanges"]!.AsObject();
        return entries.ToDictionary(e => int.Parse(e.Key, System.Globalization.CultureInfo.InvariantCulture), e => e.Value!.GetValue<string>());
    }
}
