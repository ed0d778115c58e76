namespace FlameHub.Generated.Tests.Queries;

/// <summary>Include stands for every relation until narrowed, and can be turned off.</summary>
public class IncludeTests
{
    private static readonly string[] Defaults = ["registry", "registry_project"];

    [Test]
    public void Untouched_includes_the_resources_defaults()
    {
        var options = new FindOptions();
        Assert.That(options.Include.UseDefaults, Is.True);
        Assert.That(HubQuery.Build(options, Defaults), Is.EqualTo("include=registry,registry_project"));
        Assert.That(HubQuery.Build(null, Defaults), Is.EqualTo("include=registry,registry_project"));
    }

    [Test]
    public void An_empty_initializer_leaves_the_defaults() =>
        Assert.That(HubQuery.Build(new FindOptions { Include = { } }, Defaults), Is.EqualTo("include=registry,registry_project"));

    [Test]
    public void Defaults_are_omitted_when_the_resource_has_none() =>
        Assert.That(HubQuery.Build(new FindOptions(), []), Is.Empty);

    [Test]
    public void Adding_narrows_to_exactly_those()
    {
        var options = new FindOptions { Include = { "registry" } };
        Assert.That(options.Include.UseDefaults, Is.False);
        Assert.That(HubQuery.Build(options, Defaults), Is.EqualTo("include=registry"));
    }

    [Test]
    public void UseDefaults_false_includes_nothing()
    {
        var options = new FindOptions { Include = { UseDefaults = false } };
        Assert.That(options.Include, Is.Empty);
        Assert.That(HubQuery.Build(options, Defaults), Is.Empty);
    }

    [Test]
    public void Clear_includes_nothing()
    {
        var options = new FindOptions();
        options.Include.Clear();
        Assert.That(options.Include.UseDefaults, Is.False);
        Assert.That(HubQuery.Build(options, Defaults), Is.Empty);
    }

    [Test]
    public void Removing_the_last_relation_includes_nothing()
    {
        var options = new FindOptions { Include = { "registry" } };
        options.Include.Remove("registry");
        Assert.That(HubQuery.Build(options, Defaults), Is.Empty);
    }

    [Test]
    public void UseDefaults_true_drops_the_list_and_restores_the_defaults()
    {
        var options = new FindOptions { Include = { "registry" } };
        options.Include.UseDefaults = true;
        Assert.That(options.Include, Is.Empty);
        Assert.That(HubQuery.Build(options, Defaults), Is.EqualTo("include=registry,registry_project"));
    }

    [Test]
    public void UseDefaults_false_keeps_listed_relations()
    {
        var options = new FindOptions { Include = { "realm" } };
        options.Include.UseDefaults = false;
        Assert.That(HubQuery.Build(options, Defaults), Is.EqualTo("include=realm"));
    }

    [TestCase("")]
    [TestCase("a,b")]
    [TestCase("realm&x=1")]
    [TestCase("-realm")]
    public void Refuses_names_that_are_not_relation_paths(string relation)
    {
        var options = new FindOptions();
        Assert.That(() => options.Include.Add(relation), Throws.ArgumentException);
        Assert.That(options.Include.UseDefaults, Is.True);
        Assert.That(() => new FindOptions { Include = { "realm" } }.Include[0] = relation, Throws.ArgumentException);
    }
}
