namespace FlameHub.Generated.Tests.Queries;

/// <summary>The filter collection behaves as an ordered dictionary keyed by field name.</summary>
public class FilterCollectionTests
{
    [Test]
    public void Keeps_insertion_order_and_replaces_in_place()
    {
        var filter = new FindOptions { Filter = { ["b"] = 1, ["a"] = 2, ["c"] = 3 } }.Filter;
        filter["a"] = 20;

        Assert.That(filter.Keys, Is.EqualTo(new[] { "b", "a", "c" }));
        Assert.That(filter.Values, Is.EqualTo(new object[] { 1, 20, 3 }));
        Assert.That(filter.Count, Is.EqualTo(3));
    }

    [Test]
    public void Returns_values_as_they_were_put_in()
    {
        var id = Guid.NewGuid();
        var condition = Filter.StartsWith("x");
        var filter = new FindOptions { Filter = { ["id"] = id, ["name"] = condition, ["gone"] = null } }.Filter;

        Assert.That(filter["id"], Is.EqualTo(id));
        Assert.That(filter["name"], Is.SameAs(condition));
        Assert.That(filter.TryGetValue("gone", out var gone) && gone is null, Is.True);
        Assert.That(filter.TryGetValue("missing", out _), Is.False);
        Assert.That(() => filter["missing"], Throws.TypeOf<KeyNotFoundException>());
    }

    [Test]
    public void Keys_are_ordinal()
    {
        var filter = new FindOptions { Filter = { ["name"] = "a", ["Name"] = "b" } }.Filter;
        Assert.That(filter.Count, Is.EqualTo(2));
        Assert.That(filter.ContainsKey("NAME"), Is.False);
    }

    [Test]
    public void Add_refuses_a_second_filter_on_a_field()
    {
        var filter = new FindOptions { Filter = { { "name", "a" } } }.Filter;
        Assert.That(() => filter.Add("name", "b"), Throws.ArgumentException.With.Message.Contains("'name'"));
        Assert.That(filter["name"], Is.EqualTo("a"));
    }

    [Test]
    public void Remove_and_Clear()
    {
        var filter = new FindOptions { Filter = { ["a"] = 1, ["b"] = 2, ["c"] = 3 } }.Filter;
        IDictionary<string, object?> dictionary = filter;

        Assert.That(filter.Remove("b"), Is.True);
        Assert.That(filter.Remove("b"), Is.False);
        Assert.That(dictionary.Remove(new KeyValuePair<string, object?>("a", 99)), Is.False);
        Assert.That(dictionary.Remove(new KeyValuePair<string, object?>("a", 1)), Is.True);
        Assert.That(filter.Select(p => p.Key), Is.EqualTo(new[] { "c" }));

        filter.Clear();
        Assert.That(filter, Is.Empty);
    }

    [Test]
    public void Works_through_the_dictionary_interface()
    {
        IDictionary<string, object?> dictionary = new FindOptions().Filter;
        dictionary.Add(new KeyValuePair<string, object?>("a", 1));
        dictionary["b"] = true;

        var copy = new KeyValuePair<string, object?>[3];
        dictionary.CopyTo(copy, 1);

        Assert.That(dictionary.Contains(new KeyValuePair<string, object?>("b", true)), Is.True);
        Assert.That(dictionary.IsReadOnly, Is.False);
        Assert.That(copy[1..], Is.EqualTo(new[] { new KeyValuePair<string, object?>("a", 1), new KeyValuePair<string, object?>("b", true) }));
        Assert.That(() => dictionary.Add(new KeyValuePair<string, object?>("c", "a,b")), Throws.ArgumentException.With.Message.Contains("'c'"));
    }
}
