namespace FlameHub.Generated.Tests.Queries;

/// <summary>A page stays within what the Hub serves: 1 to 50 records, from offset 0 on.</summary>
public class PageTests
{
    [Test]
    public void Defaults_are_the_Hubs_first_page_of_50()
    {
        var page = new Page();
        Assert.That(page.Limit, Is.EqualTo(50));
        Assert.That(page.Offset, Is.Zero);
    }

    [TestCase(1, 0)]
    [TestCase(50, 0)]
    [TestCase(10, 20)]
    [TestCase(1, int.MaxValue)]
    public void Accepts_limits_1_to_50_and_offsets_from_0(int limit, int offset)
    {
        var page = new Page(limit, offset);
        Assert.That((page.Limit, page.Offset), Is.EqualTo((limit, offset)));
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(51)]
    [TestCase(int.MaxValue)]
    public void Refuses_limits_outside_1_to_50(int limit) =>
        Assert.That(() => new Page(limit), Throws.TypeOf<ArgumentOutOfRangeException>()
            .With.Property(nameof(ArgumentException.ParamName)).EqualTo("Limit"));

    [Test]
    public void Refuses_a_negative_offset() =>
        Assert.That(() => new Page(10, -1), Throws.TypeOf<ArgumentOutOfRangeException>()
            .With.Property(nameof(ArgumentException.ParamName)).EqualTo("Offset"));

    [Test]
    public void With_expressions_are_checked_too()
    {
        var page = new Page(10, 0);
        Assert.That(() => page with { Limit = 51 }, Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => page with { Offset = -5 }, Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(page with { Offset = 10 }, Is.EqualTo(new Page(10, 10)));
    }
}
