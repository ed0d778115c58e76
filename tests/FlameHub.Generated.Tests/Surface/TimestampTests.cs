using System.Reflection;
using Newtonsoft.Json;

namespace FlameHub.Generated.Tests.Surface;

/// <summary>
/// Every timestamp is a <see cref="DateTimeOffset"/>: a property whose C# name ends in <c>At</c>
/// and whose wire name ends in <c>_at</c> or <c>At</c> (<c>created_at</c>, <c>reset_at</c>,
/// <c>expires_at</c>), whatever type the document gave it.
/// </summary>
public class TimestampTests
{
    private static IEnumerable<(Type Type, PropertyInfo Property, string Wire)> Timestamps() =>
        GeneratedSurface.GeneratedTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => (Type: t, Property: p)))
            .Select(x => (x.Type, x.Property, Wire: x.Property.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName ?? ""))
            .Where(x => x.Property.Name.EndsWith("At", StringComparison.Ordinal)
                && (x.Wire.EndsWith("_at", StringComparison.Ordinal) || x.Wire.EndsWith("At", StringComparison.Ordinal)));

    [Test]
    public void Every_timestamp_property_is_a_DateTimeOffset()
    {
        var wrong = Timestamps()
            .Where(x => x.Property.PropertyType != typeof(DateTimeOffset) && x.Property.PropertyType != typeof(DateTimeOffset?))
            .Select(x => $"{x.Type.Name}.{x.Property.Name} ({x.Wire}): {x.Property.PropertyType.Name}")
            .ToList();

        Assert.That(Timestamps().Count(), Is.GreaterThan(60));
        Assert.That(wrong, Is.Empty);
    }

    [TestCase(typeof(FlameHub.Auth.Client), "CreatedAt")]
    [TestCase(typeof(FlameHub.Auth.Realm), "UpdatedAt")]
    [TestCase(typeof(FlameHub.Auth.User), "ResetAt")]
    [TestCase(typeof(FlameHub.Core.MasterImageEventLog), "ExpiresAt")]
    public void Timestamps_the_documents_typed_string_or_object_are_DateTimeOffset(Type type, string property) =>
        Assert.That(Nullable.GetUnderlyingType(type.GetProperty(property)!.PropertyType) ?? type.GetProperty(property)!.PropertyType,
            Is.EqualTo(typeof(DateTimeOffset)));

    [Test]
    public void A_Hub_timestamp_reads_into_a_DateTimeOffset()
    {
        var realm = FlameHub.Generated.Tests.Dtos.ClientJson.Deserialize<FlameHub.Auth.Realm>(
            """{"id":"170b4592-4913-44db-9edf-6cb7fb9595d5","name":"r","created_at":"2026-11-22T02:33:37.000Z","updated_at":"2026-11-22T02:33:38.000Z"}""");

        Assert.That(realm.CreatedAt, Is.EqualTo(new DateTimeOffset(2026, 11, 22, 2, 33, 37, TimeSpan.Zero)));
    }
}
