namespace FlameHub.Generated.Tests.Queries;

/// <summary>Each condition of <see cref="Filter"/> carries the wire value rapiq 0.9 reads as intended.</summary>
public class FilterOperatorTests
{
    private static IEnumerable<TestCaseData> Conditions()
    {
        yield return new TestCaseData(Filter.Not("node"), "!node").SetArgDisplayNames("Not a value");
        yield return new TestCaseData(Filter.Not(null), "!null").SetArgDisplayNames("Not null");
        yield return new TestCaseData(Filter.StartsWith("node"), "~node").SetArgDisplayNames("StartsWith");
        yield return new TestCaseData(Filter.StartsWith("~!<x"), "~~!<x").SetArgDisplayNames("StartsWith reads no operator after ~");
        yield return new TestCaseData(Filter.Not(Filter.StartsWith("node")), "!~node").SetArgDisplayNames("Not StartsWith");
        yield return new TestCaseData(Filter.LessThan(10), "<10").SetArgDisplayNames("LessThan");
        yield return new TestCaseData(Filter.LessOrEqual(10), "<=10").SetArgDisplayNames("LessOrEqual");
        yield return new TestCaseData(Filter.GreaterThan(-2.5), ">-2.5").SetArgDisplayNames("GreaterThan");
        yield return new TestCaseData(Filter.GreaterOrEqual("m"), ">=m").SetArgDisplayNames("GreaterOrEqual string");
        yield return new TestCaseData(Filter.LessOrEqual("=x"), "<==x").SetArgDisplayNames("LessOrEqual allows a leading =");
        yield return new TestCaseData(Filter.GreaterThan(new DateTimeOffset(2026, 11, 22, 3, 33, 37, TimeSpan.FromHours(1))),
            ">2026-11-22T02:33:37.000Z").SetArgDisplayNames("GreaterThan DateTimeOffset");
        yield return new TestCaseData(Filter.In("a", "b", "c"), "a,b,c").SetArgDisplayNames("In params");
        yield return new TestCaseData(Filter.In(new List<int> { 1, 2 }), "1,2").SetArgDisplayNames("In enumerable");
        yield return new TestCaseData(Filter.In(new[] { Guid.Empty, Guid.Empty }), "00000000-0000-0000-0000-000000000000,00000000-0000-0000-0000-000000000000").SetArgDisplayNames("In Guid array");
        yield return new TestCaseData(Filter.In("~a", "<b"), "~a,<b").SetArgDisplayNames("In reads no operator in items");
        yield return new TestCaseData(Filter.In("single"), "single").SetArgDisplayNames("In one value is equality");
        yield return new TestCaseData(Filter.In((IEnumerable<char>)"abc"), "abc").SetArgDisplayNames("In a string is one value");
        yield return new TestCaseData(Filter.NotIn("a", "b"), "!a,b").SetArgDisplayNames("NotIn");
        yield return new TestCaseData(Filter.NotIn(new List<string> { "a", "b" }), "!a,b").SetArgDisplayNames("NotIn enumerable");
        yield return new TestCaseData(Filter.NotIn("a"), "!a").SetArgDisplayNames("NotIn one value");
        yield return new TestCaseData(Filter.Not(Filter.In(1, 2)), "!1,2").SetArgDisplayNames("Not In");
        yield return new TestCaseData(Filter.Not(Filter.NotIn(1, 2)), "1,2").SetArgDisplayNames("Not NotIn");
        yield return new TestCaseData(Filter.IsNull(), "null").SetArgDisplayNames("IsNull");
        yield return new TestCaseData(Filter.IsNotNull(), "!null").SetArgDisplayNames("IsNotNull");
        yield return new TestCaseData(Filter.Not(Filter.IsNull()), "!null").SetArgDisplayNames("Not IsNull");
        yield return new TestCaseData(Filter.Not(Filter.IsNotNull()), "null").SetArgDisplayNames("Not IsNotNull");
        yield return new TestCaseData(Filter.Not(Filter.Not("x")), "x").SetArgDisplayNames("Not Not");
    }

    [TestCaseSource(nameof(Conditions))]
    public void Wire_value(FilterValue condition, string expected)
    {
        Assert.That(condition.ToString(), Is.EqualTo(expected));
        Assert.That(() => new FindOptions { Filter = { ["field"] = condition } }, Throws.Nothing);
    }

    [Test]
    public void Conditions_with_the_same_wire_value_are_equal()
    {
        Assert.That(Filter.StartsWith("a"), Is.EqualTo(Filter.StartsWith("a")));
        Assert.That(Filter.StartsWith("a").GetHashCode(), Is.EqualTo(Filter.StartsWith("a").GetHashCode()));
        Assert.That(Filter.StartsWith("a"), Is.Not.EqualTo(Filter.Not(Filter.StartsWith("a"))));
    }

    [Test]
    public void Null_arguments_are_programming_errors()
    {
        Assert.That(() => Filter.StartsWith(null!), Throws.ArgumentNullException);
        Assert.That(() => Filter.In((System.Collections.IEnumerable)null!), Throws.ArgumentNullException);
    }
}
