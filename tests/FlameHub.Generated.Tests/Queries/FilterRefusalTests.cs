using NUnit.Framework.Constraints;

namespace FlameHub.Generated.Tests.Queries;

/// <summary>
/// Filters the Hub would read as something else are refused when put into the options, naming the field,
/// so no request goes out with a different meaning.
/// </summary>
public class FilterRefusalTests
{
    private const string Field = "display_name";

    private enum Flags { A = 1, B = 2 }

    private static IEnumerable<TestCaseData> Misread()
    {
        // Equality strings.
        yield return new TestCaseData("a,b").SetArgDisplayNames("comma becomes a list");
        yield return new TestCaseData("!x").SetArgDisplayNames("leading ! negates");
        yield return new TestCaseData("~x").SetArgDisplayNames("leading ~ is LIKE");
        yield return new TestCaseData("<x").SetArgDisplayNames("leading < compares");
        yield return new TestCaseData(">=x").SetArgDisplayNames("leading > compares");
        yield return new TestCaseData("null").SetArgDisplayNames("null string matches NULL");
        yield return new TestCaseData("NULL").SetArgDisplayNames("NULL string in any case");
        yield return new TestCaseData("").SetArgDisplayNames("empty is ignored");
        yield return new TestCaseData(" x").SetArgDisplayNames("leading space is trimmed");
        yield return new TestCaseData("x\t").SetArgDisplayNames("trailing tab is trimmed");
        yield return new TestCaseData("True").SetArgDisplayNames("True becomes boolean true");
        yield return new TestCaseData("007").SetArgDisplayNames("leading zeros become a number");
        yield return new TestCaseData("1e3").SetArgDisplayNames("exponent becomes a number");
        yield return new TestCaseData("0x10").SetArgDisplayNames("hex becomes a number");
        yield return new TestCaseData("+5").SetArgDisplayNames("plus sign becomes a number");
        yield return new TestCaseData("1.50").SetArgDisplayNames("trailing zero becomes a number");
        yield return new TestCaseData("-0").SetArgDisplayNames("negative zero becomes 0");
        yield return new TestCaseData("Infinity").SetArgDisplayNames("Infinity becomes a number");
        yield return new TestCaseData("12345678901234567").SetArgDisplayNames("long digit string loses precision");
        yield return new TestCaseData("0.0000001").SetArgDisplayNames("tiny decimal string becomes exponent form");
        // Other types.
        yield return new TestCaseData(new object()).SetArgDisplayNames("arbitrary object");
        yield return new TestCaseData(new Uri("http://x")).SetArgDisplayNames("Uri");
        yield return new TestCaseData(DateOnly.MinValue).SetArgDisplayNames("DateOnly");
        yield return new TestCaseData(new DateTime(2026, 1, 1)).SetArgDisplayNames("DateTime of unspecified kind");
        yield return new TestCaseData(9007199254740993L).SetArgDisplayNames("long beyond 2^53");
        yield return new TestCaseData(ulong.MaxValue).SetArgDisplayNames("ulong beyond 2^53");
        yield return new TestCaseData(double.NaN).SetArgDisplayNames("NaN");
        yield return new TestCaseData(float.PositiveInfinity).SetArgDisplayNames("infinity");
        yield return new TestCaseData(1.0000000000000001m).SetArgDisplayNames("decimal beyond 15 digits");
        yield return new TestCaseData(Flags.A | Flags.B).SetArgDisplayNames("enum value without a name");
        // Conditions.
        yield return new TestCaseData(Filter.Not("a,b")).SetArgDisplayNames("Not comma");
        yield return new TestCaseData(Filter.Not("~x")).SetArgDisplayNames("Not leading ~ is NOT LIKE");
        yield return new TestCaseData(Filter.Not(Filter.LessThan(5))).SetArgDisplayNames("Not before a comparison is ignored");
        yield return new TestCaseData(Filter.StartsWith("a,b")).SetArgDisplayNames("StartsWith comma");
        yield return new TestCaseData(Filter.StartsWith("")).SetArgDisplayNames("StartsWith empty");
        yield return new TestCaseData(Filter.StartsWith("null")).SetArgDisplayNames("StartsWith null");
        yield return new TestCaseData(Filter.StartsWith("007")).SetArgDisplayNames("StartsWith numeric spelling");
        yield return new TestCaseData(Filter.LessThan("=x")).SetArgDisplayNames("LessThan leading = becomes <=");
        yield return new TestCaseData(Filter.GreaterThan("=x")).SetArgDisplayNames("GreaterThan leading = becomes >=");
        yield return new TestCaseData(Filter.LessThan(true)).SetArgDisplayNames("LessThan bool");
        yield return new TestCaseData(Filter.GreaterOrEqual(Guid.Empty)).SetArgDisplayNames("GreaterOrEqual Guid");
        yield return new TestCaseData(Filter.LessOrEqual(null!)).SetArgDisplayNames("LessOrEqual null");
        yield return new TestCaseData(Filter.In()).SetArgDisplayNames("In empty");
        yield return new TestCaseData(Filter.NotIn(new List<string>())).SetArgDisplayNames("NotIn empty");
        yield return new TestCaseData(Filter.In("a", "b,c")).SetArgDisplayNames("In item with comma");
        yield return new TestCaseData(Filter.In("a", "!b")).SetArgDisplayNames("In item with leading ! negates the list");
        yield return new TestCaseData(Filter.In(true, false)).SetArgDisplayNames("In drops false");
        yield return new TestCaseData(Filter.In("a", null)).SetArgDisplayNames("In null item");
        yield return new TestCaseData(Filter.In("a", "")).SetArgDisplayNames("In empty item is dropped");
        yield return new TestCaseData(Filter.In("a", new object())).SetArgDisplayNames("In unsupported item");
        yield return new TestCaseData(Filter.In("~x")).SetArgDisplayNames("In one value is read as equality");
        yield return new TestCaseData(Filter.NotIn("a", "null")).SetArgDisplayNames("NotIn null string");
    }

    [TestCaseSource(nameof(Misread))]
    public void Indexer_refuses_and_names_the_field(object? value) =>
        Assert.That(() => new FindOptions { Filter = { [Field] = value } }, Refused(Field));

    [TestCaseSource(nameof(Misread))]
    public void Add_refuses_and_names_the_field(object? value)
    {
        var options = new FindOptions();
        Assert.That(() => options.Filter.Add(Field, value), Refused(Field));
        Assert.That(options.Filter, Is.Empty);
    }

    [TestCase("")]
    [TestCase("na me")]
    [TestCase("name]")]
    [TestCase("filter[name")]
    [TestCase("a&b")]
    [TestCase("a=b")]
    [TestCase("1abc")]
    [TestCase("realm.")]
    [TestCase(".name")]
    [TestCase("-name")]
    public void Field_names_that_would_break_the_query_are_refused(string field) =>
        Assert.That(() => new FindOptions { Filter = { [field] = "x" } }, Refused(field));

    [TestCase("name")]
    [TestCase("realm_id")]
    [TestCase("realm.name")]
    [TestCase("_x.y_1.z")]
    public void Field_names_and_relation_paths_are_accepted(string field) =>
        Assert.That(() => new FindOptions { Filter = { [field] = "x" } }, Throws.Nothing);

    [Test]
    public void A_refused_replacement_keeps_the_earlier_value()
    {
        var options = new FindOptions { Filter = { [Field] = "ok" } };
        Assert.That(() => options.Filter[Field] = "a,b", Refused(Field));
        Assert.That(options.Filter[Field], Is.EqualTo("ok"));
    }

    private static IResolveConstraint Refused(string field) =>
        Throws.TypeOf<ArgumentException>()
            .With.Message.Contains($"'{field}'")
            .And.Property(nameof(ArgumentException.ParamName)).EqualTo(field);
}
