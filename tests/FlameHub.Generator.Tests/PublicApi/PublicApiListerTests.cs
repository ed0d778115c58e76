using System.Runtime.InteropServices;
using FlameHub.Generator.PublicApi;

namespace FlameHub.Generator.Tests.PublicApi;

public sealed class PublicApiListerTests
{
    private static IReadOnlyList<string> SampleLines() =>
        PublicApiLister.List(typeof(PublicApiListerTests).Assembly.Location,
                Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll")
                    .Concat(Directory.GetFiles(AppContext.BaseDirectory, "*.dll")))
            .Where(l => l.StartsWith("FlameHub.Generator.Tests.PublicApi.Sample.", StringComparison.Ordinal))
            .ToList();

    [Test]
    public void Public_and_protected_members_are_listed_with_nullability_and_defaults() =>
        Assert.That(SampleLines(), Is.EqualTo(new[]
        {
            "FlameHub.Generator.Tests.PublicApi.Sample.PublicApiSample class",
            "FlameHub.Generator.Tests.PublicApi.Sample.PublicApiSample.Extend() -> System.Void virtual protected",
            "FlameHub.Generator.Tests.PublicApi.Sample.PublicApiSample.FindAsync(System.Guid id, System.String? filter = null, System.Threading.CancellationToken cancellationToken = default) -> System.Threading.Tasks.Task<FlameHub.Generator.Tests.PublicApi.Sample.PublicApiSample?>",
            "FlameHub.Generator.Tests.PublicApi.Sample.PublicApiSample.Kind enum",
            "FlameHub.Generator.Tests.PublicApi.Sample.PublicApiSample.Kind.First = 1",
            "FlameHub.Generator.Tests.PublicApi.Sample.PublicApiSample.Name : System.String = \"sample\"",
            "FlameHub.Generator.Tests.PublicApi.Sample.PublicApiSample.Title : System.String? { get; set; }",
            "FlameHub.Generator.Tests.PublicApi.Sample.PublicApiSample.ctor()",
            "FlameHub.Generator.Tests.PublicApi.Sample.StructSample struct : System.IEquatable<FlameHub.Generator.Tests.PublicApi.Sample.StructSample>",
            "FlameHub.Generator.Tests.PublicApi.Sample.StructSample.Equals(FlameHub.Generator.Tests.PublicApi.Sample.StructSample other) -> System.Boolean",
        }));

    [Test]
    public void A_changed_surface_is_reported_and_only_written_on_update()
    {
        var listing = Path.Combine(Path.GetTempPath(), $"api-{Guid.NewGuid():N}.txt");
        try
        {
            File.WriteAllText(listing, "# header\nA\nB\n");

            var (added, removed) = PublicApiListing.Check(listing, ["A", "C"], update: false);
            Assert.That(added, Is.EqualTo(new[] { "C" }));
            Assert.That(removed, Is.EqualTo(new[] { "B" }));
            Assert.That(File.ReadAllText(listing), Is.EqualTo("# header\nA\nB\n"), "a check alone never rewrites the listing");

            PublicApiListing.Check(listing, ["A", "C"], update: true);
            Assert.That(PublicApiListing.Check(listing, ["A", "C"], update: false).Added, Is.Empty);
        }
        finally
        {
            File.Delete(listing);
        }
    }
}
