using FlameHub.Generator.Facts;

namespace FlameHub.Generator.Tests.Facts;

/// <summary>The releases' filters.json: what each writes for every condition, and what a malformed one is refused for.</summary>
public class FilterFactsTests
{
    private string _dir = null!;

    [SetUp]
    public void Create() => _dir = Directory.CreateTempSubdirectory("flamehub-filters-").FullName;

    [TearDown]
    public void Remove() => Directory.Delete(_dir, recursive: true);

    private static FilterFacts Release(string release) =>
        FilterFacts.Read(Path.Combine(RepositoryPaths.Quirks, "hub-" + release, FilterFacts.FileName));

    private static (string Prefix, string Suffix)? Wire(FilterFacts facts, string kind) =>
        facts.Operators.FirstOrDefault(o => o.Kind == kind) is { } op ? (op.Prefix, op.Suffix) : null;

    [Test]
    public void Hub_0_8_13_writes_starts_with_as_a_leading_tilde_and_has_no_other_LIKE()
    {
        var facts = Release("0.8.13");
        Assert.That(Wire(facts, "StartsWith"), Is.EqualTo(("~", "")));
        Assert.That(Wire(facts, "NotStartsWith"), Is.EqualTo(("!~", "")));
        Assert.That(FilterFacts.Optional.Select(k => Wire(facts, k)), Is.All.Null);
    }

    [Test]
    public void Hub_0_14_0_writes_rapiq_2s_three_LIKE_markers_and_their_negations()
    {
        var facts = Release("0.14.0");
        Assert.That(Wire(facts, "StartsWith"), Is.EqualTo(("", "~")), "exchange 52: node~");
        Assert.That(Wire(facts, "EndsWith"), Is.EqualTo(("~", "")), "exchange 51: ~_create");
        Assert.That(Wire(facts, "Contains"), Is.EqualTo(("~", "~")), "exchanges 53, 62: ~bucket~");
        Assert.That(Wire(facts, "NotStartsWith"), Is.EqualTo(("!", "~")));
        Assert.That(Wire(facts, "NotEndsWith"), Is.EqualTo(("!~", "")));
        Assert.That(Wire(facts, "NotContains"), Is.EqualTo(("!~", "~")));
        Assert.That(facts.Operators.Where(o => o.Operand == FilterOperand.Text).Select(o => o.Kind), Is.EquivalentTo(new[] { "Contains", "NotContains" }),
            "exchange 62: ~093059~ matched as text; the other LIKE markers have no such evidence");
        Assert.That(Release("0.8.13").Operators.Where(o => o.Operand == FilterOperand.Text), Is.Empty);
    }

    [TestCase("0.8.13")]
    [TestCase("0.14.0")]
    public void Every_release_has_what_the_hand_written_code_relies_on(string release)
    {
        var facts = Release(release);
        Assert.That(FilterFacts.Required.Select(k => Wire(facts, k)), Has.None.Null);
        Assert.That(facts.Operators.Single(o => o.Kind == "In").Operand, Is.EqualTo(FilterOperand.Values));
        Assert.That(facts.Operators.Single(o => o.Kind == "IsNull"), Is.EqualTo(new FilterOperator("IsNull", "null", "", FilterOperand.None)));
    }

    [TestCase("""{"Endswith": {"wire": "~{value}", "evidence": "e"}}""", "'Endswith' is not a filter kind")]
    [TestCase("""{"EndsWith": {"wire": "~{value}"}}""", "EndsWith has no 'evidence'")]
    [TestCase("""{"EndsWith": {"wire": "~value", "evidence": "e"}}""", "must hold {value} once")]
    [TestCase("""{"In": {"wire": "{value}", "evidence": "e"}}""", "must hold {values} once")]
    [TestCase("""{"IsNull": {"wire": "{value}", "evidence": "e"}}""", "takes no operand")]
    [TestCase("""{"EndsWith": {"wire": "~{value}", "evidence": "e"}}""", "StartsWith, NotStartsWith")]
    public void A_malformed_file_is_refused_naming_what_is_wrong(string operators, string expected)
    {
        var path = Path.Combine(_dir, FilterFacts.FileName);
        File.WriteAllText(path, $$"""{"grammar": "test", "operators": {{operators}}}""");
        Assert.That(() => FilterFacts.Read(path), Throws.TypeOf<GeneratorException>().With.Message.Contains(expected).And.Message.Contains(path));
    }

    [Test]
    public void Two_kinds_written_alike_are_refused()
    {
        var path = Path.Combine(_dir, FilterFacts.FileName);
        var release = File.ReadAllText(Path.Combine(RepositoryPaths.Quirks, "hub-0.8.13", FilterFacts.FileName));
        File.WriteAllText(path, release.Replace("\"{value}~\"", "x").Replace("\"StartsWith\": { \"wire\": \"~{value}\"", "\"StartsWith\": { \"wire\": \"!{value}\"", StringComparison.Ordinal));
        Assert.That(() => FilterFacts.Read(path), Throws.TypeOf<GeneratorException>().With.Message.Contains("written alike"));
    }
}
