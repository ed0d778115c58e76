using System.Text.Json.Nodes;

namespace FlameHub.Generated.Tests.Release;

/// <summary>
/// The filter operators follow the release's grammar (generator/quirks/hub-{release}/filters.json):
/// <see cref="Filter.StartsWith"/> sends what the release's Hub reads as starts-with, and values are
/// refused when that grammar would read them as another condition. The rapiq 2 cases run here on the
/// 0.14.0 data whatever release this build is for.
/// </summary>
public class ReleaseFilterGrammarTests
{
    /// <summary>What each release's Hub answered to a starts-with search, from its recorded exchanges.</summary>
    private static readonly Dictionary<string, string> StartsWithNode = new()
    {
        ["0.8.13"] = "~node", // hub-0.8.13 exchange 16: ~node gave node_create, node_delete, node_update
        ["0.14.0"] = "node~", // hub-0.14.0 exchange 52: node~ gave the 3 node_*; exchange 54: ~node gave none
    };

    [Test]
    public void StartsWith_sends_what_means_starts_with_on_this_release()
    {
        Assert.That(StartsWithNode.TryGetValue(HubRelease.Hub, out var expected), Is.True,
            $"no recorded starts-with exchange for Hub {HubRelease.Hub}: add one here");
        Assert.That(Filter.StartsWith("node").ToString(), Is.EqualTo(expected));
        Assert.That(() => new FindOptions { Filter = { ["name"] = Filter.StartsWith("node") } }, Throws.Nothing);
    }

    [Test]
    public void An_equality_value_written_like_starts_with_is_refused_on_this_release() =>
        Assert.That(() => new FindOptions { Filter = { ["name"] = StartsWithNode[HubRelease.Hub] } },
            Throws.ArgumentException.With.Property(nameof(ArgumentException.ParamName)).EqualTo("name"));

    [Test]
    public void A_text_operand_keeps_a_number_spelling_where_the_grammar_keeps_it_as_text()
    {
        // Equality reads 093059 as a number on every release; a {text} operand (0.14.0's Contains,
        // exchange 62: ~093059~ matched the nodes named *093059*) is a LIKE pattern.
        Assert.That(() => new FindOptions { Filter = { ["name"] = "093059" } }, Throws.ArgumentException);
        if (!FilterSyntax.Operators.Any(o => o.Kind == FilterKind.Contains && o.Operand == FilterOperand.Text))
        {
            Assert.That(FilterSyntax.Operators.Where(o => o.Operand == FilterOperand.Text), Is.Empty, "only LIKE patterns are text");
            return;
        }
        var method = typeof(Filter).GetMethod("Contains")!;
        var value = (FilterValue)method.Invoke(null, ["093059"])!;
        Assert.That(value.ToString(), Is.EqualTo("~093059~"));
        Assert.That(Filter.Not(value).ToString(), Is.EqualTo("!~093059~"));
    }

    [Test]
    public void The_package_has_EndsWith_and_Contains_exactly_where_its_grammar_has_them()
    {
        Assert.That(typeof(Filter).GetMethod("EndsWith") is not null, Is.EqualTo(FilterSyntax.Operators.Any(o => o.Kind == FilterKind.EndsWith)));
        Assert.That(typeof(Filter).GetMethod("Contains") is not null, Is.EqualTo(FilterSyntax.Operators.Any(o => o.Kind == FilterKind.Contains)));
    }

    private static IEnumerable<TestCaseData> Rapiq2()
    {
        yield return new TestCaseData("StartsWith", "node", null).SetArgDisplayNames("StartsWith node~");
        yield return new TestCaseData("EndsWith", "_create", null).SetArgDisplayNames("EndsWith ~_create");
        yield return new TestCaseData("Contains", "bucket", null).SetArgDisplayNames("Contains ~bucket~");
        yield return new TestCaseData("NotStartsWith", "node", null).SetArgDisplayNames("NotStartsWith !node~");
        yield return new TestCaseData("NotContains", "a", null).SetArgDisplayNames("NotContains !~a~");
        yield return new TestCaseData("Equal", "a~b", null).SetArgDisplayNames("a ~ inside a value is no operator");
        yield return new TestCaseData("Equal", "node~", "StartsWith").SetArgDisplayNames("equality ending in ~ is starts-with");
        yield return new TestCaseData("Equal", "~node", "EndsWith").SetArgDisplayNames("equality starting with ~ is ends-with");
        yield return new TestCaseData("NotEqual", "~a~", "NotContains").SetArgDisplayNames("not-equal ~a~ is not-contains");
        yield return new TestCaseData("StartsWith", "~a", "Contains").SetArgDisplayNames("StartsWith of ~a would be contains");
        yield return new TestCaseData("EndsWith", "a~", "Contains").SetArgDisplayNames("EndsWith of a~ would be contains");
        yield return new TestCaseData("LessThan", "=5", "LessOrEqual").SetArgDisplayNames("LessThan =5 is <=");
        yield return new TestCaseData("LessThan", "a~", "more than one").SetArgDisplayNames("<a~ is ambiguous");
    }

    [TestCaseSource(nameof(Rapiq2))]
    public void Rapiq_2_reads_values_back_as_its_grammar_says(string kind, string operand, string? misreadAs)
    {
        var problem = FilterSyntax.Misread(Operators("0.14.0"), "rapiq 2", Enum.Parse<FilterKind>(kind), operand);
        if (misreadAs is null) Assert.That(problem, Is.Null);
        else Assert.That(problem, Does.Contain(misreadAs));
    }

    [Test]
    public void Rapiq_1_reads_no_operator_after_its_LIKE_marker()
    {
        Assert.That(FilterSyntax.Misread(Operators("0.8.13"), "rapiq 0.9", FilterKind.StartsWith, "~a~"), Is.Null);
        Assert.That(FilterSyntax.Misread(Operators("0.8.13"), "rapiq 0.9", FilterKind.Equal, "a~"), Is.Null);
        Assert.That(FilterSyntax.Misread(Operators("0.8.13"), "rapiq 0.9", FilterKind.Equal, "~a"), Does.Contain("StartsWith"));
    }

    /// <summary>The operators of <c>generator/quirks/hub-{release}/filters.json</c>, read as the generator writes them.</summary>
    private static List<FilterOperator> Operators(string release)
    {
        var path = Path.Combine(RepositoryPaths.Root, "generator", "quirks", "hub-" + release, "filters.json");
        var operators = new List<FilterOperator>();
        foreach (var (kind, node) in JsonNode.Parse(File.ReadAllText(path))!["operators"]!.AsObject())
        {
            var wire = node!["wire"]!.GetValue<string>();
            var placeholder = new[] { "{values}", "{value}", "{text}" }.FirstOrDefault(p => wire.Contains(p, StringComparison.Ordinal));
            var at = placeholder is null ? wire.Length : wire.IndexOf(placeholder, StringComparison.Ordinal);
            operators.Add(new FilterOperator(Enum.Parse<FilterKind>(kind), wire[..at], placeholder is null ? "" : wire[(at + placeholder.Length)..],
                placeholder switch { null => FilterOperand.None, "{values}" => FilterOperand.Values, "{text}" => FilterOperand.Text, _ => FilterOperand.Value }));
        }
        return operators;
    }
}
