using FlameHub.Core;

namespace FlameHub.Generated.Tests.Queries;

/// <summary>Every supported value type is written invariantly, in the form the Hub reads back unchanged.</summary>
public class FilterValueFormatTests
{
    private enum Plain { First, SecondValue }

    private static IEnumerable<TestCaseData> Values()
    {
        yield return new TestCaseData("master", "master").SetArgDisplayNames("string");
        yield return new TestCaseData('x', "x").SetArgDisplayNames("char");
        yield return new TestCaseData(true, "true").SetArgDisplayNames("bool true");
        yield return new TestCaseData(false, "false").SetArgDisplayNames("bool false");
        yield return new TestCaseData((sbyte)-8, "-8").SetArgDisplayNames("sbyte");
        yield return new TestCaseData((byte)8, "8").SetArgDisplayNames("byte");
        yield return new TestCaseData((short)-300, "-300").SetArgDisplayNames("short");
        yield return new TestCaseData((ushort)300, "300").SetArgDisplayNames("ushort");
        yield return new TestCaseData(-70000, "-70000").SetArgDisplayNames("int");
        yield return new TestCaseData(70000u, "70000").SetArgDisplayNames("uint");
        yield return new TestCaseData(9007199254740992L, "9007199254740992").SetArgDisplayNames("long 2^53");
        yield return new TestCaseData(-9007199254740992L, "-9007199254740992").SetArgDisplayNames("long -2^53");
        yield return new TestCaseData(9007199254740992UL, "9007199254740992").SetArgDisplayNames("ulong 2^53");
        yield return new TestCaseData(0.1f, "0.1").SetArgDisplayNames("float shortest");
        yield return new TestCaseData(1234.5678, "1234.5678").SetArgDisplayNames("double");
        yield return new TestCaseData(0.1 + 0.2, "0.30000000000000004").SetArgDisplayNames("double round-trip");
        yield return new TestCaseData(1e21, "1E+21").SetArgDisplayNames("double exponent");
        yield return new TestCaseData(12.50m, "12.50").SetArgDisplayNames("decimal");
        yield return new TestCaseData(Guid.Parse("170B4592-4913-44DB-9EDF-6CB7FB9595D5"), "170b4592-4913-44db-9edf-6cb7fb9595d5").SetArgDisplayNames("Guid");
        yield return new TestCaseData(new DateTimeOffset(2026, 11, 22, 2, 33, 37, TimeSpan.Zero), "2026-11-22T02:33:37.000Z").SetArgDisplayNames("DateTimeOffset UTC");
        yield return new TestCaseData(new DateTimeOffset(2026, 11, 22, 4, 33, 37, 123, TimeSpan.FromHours(2)), "2026-11-22T02:33:37.123Z").SetArgDisplayNames("DateTimeOffset with offset");
        yield return new TestCaseData(new DateTime(2026, 11, 22, 2, 33, 37, 5, DateTimeKind.Utc), "2026-11-22T02:33:37.005Z").SetArgDisplayNames("DateTime UTC");
        yield return new TestCaseData(AnalysisCommand.SpinUp, "spinUp").SetArgDisplayNames("enum with EnumMember");
        yield return new TestCaseData(Plain.SecondValue, "SecondValue").SetArgDisplayNames("enum without EnumMember");
    }

    [TestCaseSource(nameof(Values))]
    public void Equality_value(object value, string expected) => Assert.That(Wire(value), Is.EqualTo(expected));

    [Test]
    public void Local_DateTime_is_sent_as_UTC()
    {
        var local = new DateTime(2026, 11, 22, 2, 33, 37, DateTimeKind.Local);
        Assert.That(Wire(local), Is.EqualTo(local.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'")));
    }

    [Test]
    public void Numbers_ignore_the_current_culture()
    {
        var before = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.That(Wire(1234.5), Is.EqualTo("1234.5"));
            Assert.That(Wire(1.5m), Is.EqualTo("1.5"));
            Assert.That(Filter.LessThan(0.25f).ToString(), Is.EqualTo("<0.25"));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = before;
        }
    }

    [Test]
    public void Null_means_is_null() => Assert.That(Wire(null), Is.EqualTo("null"));

    [TestCase("0")]
    [TestCase("42")]
    [TestCase("-7")]
    [TestCase("3.25")]
    [TestCase("0.000001")]
    [TestCase("true")]
    [TestCase("false")]
    [TestCase("a b")]
    [TestCase("node-1")]
    [TestCase("x!~<>")]
    [TestCase("nullable")]
    [TestCase("12abc")]
    public void Strings_the_Hub_reads_back_unchanged_are_accepted(string value) => Assert.That(Wire(value), Is.EqualTo(value));

    private static string Wire(object? value)
    {
        var options = new FindOptions { Filter = { ["field"] = value } };
        return HubQuery.Build(options, []).Split('=', 2)[1] is var encoded ? Uri.UnescapeDataString(encoded) : "";
    }
}
