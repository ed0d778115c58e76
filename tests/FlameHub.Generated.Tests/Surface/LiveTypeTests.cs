namespace FlameHub.Generated.Tests.Surface;

/// <summary>
/// Every public model type is one a user can meet: a client method takes or returns it, or a
/// type that does holds it. A type no signature reaches (an envelope the client unwraps, a query
/// schema the client builds itself, NSwag's helpers) is dead surface that only a Hub bump can move.
/// </summary>
public class LiveTypeTests
{
    [Test]
    public void Every_public_model_type_is_reachable_from_a_client_method()
    {
        var reachable = GeneratedSurface.ReachableFromClients();

        var dead = GeneratedSurface.Models().Where(t => !reachable.Contains(t)).Select(t => t.FullName).ToList();

        Assert.That(GeneratedSurface.Models().Count(), Is.GreaterThan(100));
        Assert.That(dead, Is.Empty);
    }

    [Test]
    public void Every_field_name_list_belongs_to_a_reachable_entity()
    {
        var reachable = GeneratedSurface.ReachableFromClients();
        var lists = GeneratedSurface.GeneratedTypes().Where(GeneratedSurface.IsStatic).ToList();

        var orphans = lists
            .Where(t => !t.Name.EndsWith("Fields", StringComparison.Ordinal)
                || !reachable.Any(e => e.Namespace == t.Namespace && e.Name + "Fields" == t.Name))
            .Select(t => t.FullName).ToList();

        Assert.That(lists, Is.Not.Empty);
        Assert.That(orphans, Is.Empty);
    }

    [TestCase("FlameHub.Auth.PageQuery")]
    [TestCase("FlameHub.Core.PageQuery")]
    [TestCase("FlameHub.Storage.PageQuery")]
    [TestCase("FlameHub.Core.NodeList")]
    [TestCase("FlameHub.Auth.UserList")]
    [TestCase("FlameHub.Storage.BucketFileList")]
    [TestCase("FlameHub.Storage.UploadToBucketRequest")]
    [TestCase("FlameHub.Storage.FileParameter")]
    [TestCase("FlameHub.Storage.FileResponse")]
    [TestCase("FlameHub.Core.RegistryHook")]
    public void A_type_that_was_dead_is_gone(string fullName) =>
        Assert.That(GeneratedSurface.Assembly.GetType(fullName), Is.Null);
}
