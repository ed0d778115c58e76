namespace FlameHub.Generated.Tests.Queries;

/// <summary>The query string is what the Hub's own UI sends, in a fixed order.</summary>
public class HubQueryTests
{
    [Test]
    public void Nodes_of_a_realm_as_recorded()
    {
        var options = new FindOptions
        {
            Filter = { ["realm_id"] = Guid.Parse("170b4592-4913-44db-9edf-6cb7fb9595d5") },
            Page = new Page(Limit: 10, Offset: 0),
            Sort = { "-created_at" },
        };
        Assert.That(HubQuery.Build(options, ["registry", "registry_project"]), Is.EqualTo(
            "filter[realm_id]=170b4592-4913-44db-9edf-6cb7fb9595d5&page[limit]=10&page[offset]=0&sort=-created_at&include=registry,registry_project"));
    }

    [Test]
    public void Permissions_starting_with_node_as_recorded()
    {
        // The recorded request left page[offset] out; it is always sent here, with the Hub's default 0.
        var options = new FindOptions { Filter = { ["name"] = Filter.StartsWith("node") }, Page = new Page(Limit: 5) };
        Assert.That(HubQuery.Build(options, []), Is.EqualTo("filter[name]=~node&page[limit]=5&page[offset]=0"));
    }

    [Test]
    public void Realms_with_two_fields_as_recorded()
    {
        var options = new FindOptions { Page = new Page(2, 0), Sort = { "-created_at" }, Fields = { "id", "name" } };
        Assert.That(HubQuery.Build(options, []), Is.EqualTo("page[limit]=2&page[offset]=0&sort=-created_at&fields=id,name"));
    }

    [Test]
    public void Everything_in_order()
    {
        var realm = Guid.Parse("00000000-0000-0000-0000-000000000001");
        var options = new FindOptions
        {
            Filter = { ["name"] = Filter.StartsWith("my-node"), ["hidden"] = false, ["realm_id"] = realm },
            Page = new Page(Limit: 10, Offset: 10),
            Sort = { "-created_at", "name" },
            Include = { "realm" },
            Fields = { "id", "name", "+email" },
        };
        Assert.That(HubQuery.Build(options, ["registry"]), Is.EqualTo(
            "filter[name]=~my-node&filter[hidden]=false&filter[realm_id]=00000000-0000-0000-0000-000000000001"
            + "&page[limit]=10&page[offset]=10&sort=-created_at,name&include=realm&fields=id,name,%2Bemail"));
    }

    [Test]
    public void A_plain_string_filter_compiles_and_is_sent() =>
        Assert.That(HubQuery.Build(new FindOptions { Filter = { ["name"] = "master" } }, []), Is.EqualTo("filter[name]=master"));

    [Test]
    public void Nothing_gives_an_empty_string()
    {
        Assert.That(HubQuery.Build(null, []), Is.Empty);
        Assert.That(HubQuery.Build(new FindOptions(), []), Is.Empty);
    }

    [TestCase("a b", "a%20b")]
    [TestCase("a&b=c", "a%26b%3Dc")]
    [TestCase("Zürich", "Z%C3%BCrich")]
    [TestCase("50%#/?+", "50%25%23%2F%3F%2B")]
    [TestCase("a~b.c_d-e", "a~b.c_d-e")]
    public void Values_are_percent_encoded(string value, string encoded) =>
        Assert.That(HubQuery.Build(new FindOptions { Filter = { ["name"] = value } }, []), Is.EqualTo("filter[name]=" + encoded));

    [Test]
    public void Operators_and_list_commas_stay_readable()
    {
        var options = new FindOptions
        {
            Filter =
            {
                ["a"] = Filter.NotIn("x y", "ä&"),
                ["b"] = Filter.LessThan(5),
                ["c"] = Filter.GreaterOrEqual(5),
                ["d"] = Filter.Not(Filter.StartsWith("n o")),
                ["e"] = Filter.IsNotNull(),
            },
        };
        Assert.That(HubQuery.Build(options, []), Is.EqualTo(
            "filter[a]=!x%20y,%C3%A4%26&filter[b]=%3C5&filter[c]=%3E%3D5&filter[d]=!~n%20o&filter[e]=!null"));
    }

    [Test]
    public void Relation_fields_filter_with_a_dotted_name() =>
        Assert.That(HubQuery.Build(new FindOptions { Filter = { ["realm.name"] = "master" } }, []), Is.EqualTo("filter[realm.name]=master"));

    [TestCase("")]
    [TestCase("a,b")]
    [TestCase("--name")]
    [TestCase("+name")]
    [TestCase("name desc")]
    public void Sort_refuses_what_is_not_a_key(string key) =>
        Assert.That(() => new FindOptions { Sort = { key } }, Throws.ArgumentException.With.Message.Contains($"'{key}'"));

    [TestCase("")]
    [TestCase("a,b")]
    [TestCase("++email")]
    [TestCase("id&x")]
    public void Fields_refuses_what_is_not_a_field(string field) =>
        Assert.That(() => new FindOptions { Fields = { field } }, Throws.ArgumentException.With.Message.Contains($"'{field}'"));

    [Test]
    public void WithPage_copies_without_changing_the_original()
    {
        var original = new FindOptions
        {
            Filter = { ["name"] = "a" },
            Page = new Page(10, 0),
            Sort = { "name" },
            Include = { UseDefaults = false },
            Fields = { "id" },
        };
        var before = HubQuery.Build(original, ["realm"]);

        var next = original.WithPage(new Page(10, 10));
        next.Filter["other"] = 1;
        next.Sort.Add("-id");

        Assert.That(HubQuery.Build(original, ["realm"]), Is.EqualTo(before));
        Assert.That(original.Page, Is.EqualTo(new Page(10, 0)));
        Assert.That(HubQuery.Build(next, ["realm"]), Is.EqualTo(
            "filter[name]=a&filter[other]=1&page[limit]=10&page[offset]=10&sort=name,-id&fields=id"));
    }

    [Test]
    public void WithPage_keeps_the_include_state()
    {
        Assert.That(HubQuery.Build(new FindOptions().WithPage(new Page()), ["realm"]), Does.EndWith("include=realm"));
        Assert.That(HubQuery.Build(new FindOptions { Include = { "x" } }.WithPage(new Page()), ["realm"]), Does.EndWith("include=x"));
        Assert.That(HubQuery.Build(new FindOptions { Include = { UseDefaults = false } }.WithPage(new Page()), ["realm"]), Does.Not.Contain("include"));
    }
}
