using System.Reflection;
using FlameHub.Core;
using Newtonsoft.Json;

namespace FlameHub.Generated.Tests.Dtos;

/// <summary>C# names are the PascalCase of the wire names; the wire names stay in the attributes.</summary>
public class PropertyNameTests
{
    private static readonly string[] GeneratedNamespaces = ["FlameHub.Auth", "FlameHub.Core", "FlameHub.Storage"];

    private static IEnumerable<Type> GeneratedTypes() =>
        typeof(CoreClient).Assembly.GetExportedTypes().Where(t => GeneratedNamespaces.Contains(t.Namespace));

    [Test]
    public void No_public_property_name_has_an_underscore()
    {
        var offending = GeneratedTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
                .Where(p => p.Name.Contains('_')).Select(p => $"{t.Name}.{p.Name}"))
            .ToList();

        Assert.That(offending, Is.Empty);
    }

    [Test]
    public void No_enum_member_name_has_an_underscore_or_is_all_capitals()
    {
        var enums = GeneratedTypes().Where(t => typeof(IWireEnum).IsAssignableFrom(t)).ToList();
        var offending = enums
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Static).Select(p => p.Name)
                .Where(n => n.Contains('_') || (n.Length > 1 && n == n.ToUpperInvariant())).Select(n => $"{t.Name}.{n}"))
            .ToList();

        Assert.That(enums, Is.Not.Empty);
        Assert.That(offending, Is.Empty);
    }

    [TestCase(nameof(Node.ExternalName), "external_name")]
    [TestCase(nameof(Node.RealmId), "realm_id")]
    [TestCase(nameof(Node.CreatedAt), "created_at")]
    [TestCase(nameof(Node.RegistryProject), "registry_project")]
    public void Node_properties_keep_their_wire_names(string property, string wireName)
    {
        var attribute = typeof(Node).GetProperty(property)!.GetCustomAttribute<JsonPropertyAttribute>();

        Assert.That(attribute?.PropertyName, Is.EqualTo(wireName));
    }

    [Test]
    public void Camel_case_wire_names_get_the_same_PascalCase_names()
    {
        // Authup's permission items already use camelCase on the wire, as all of Hub 0.13 will.
        var property = typeof(FlameHub.Auth.CheckPolicyRequestPermission).GetProperties()
            .Single(p => p.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName == "realmId");

        Assert.That(property.Name, Is.EqualTo("RealmId"));
    }

    [Test]
    public void Enum_members_are_PascalCase_and_keep_their_wire_values()
    {
        Assert.That(ClientJson.Serialize(new AnalysisBucket { Type = AnalysisBucketType.Code }), Does.Contain("\"type\":\"CODE\""));
        Assert.That(ClientJson.Deserialize<Node>("""{"id":"fd098170-c4dc-4eb2-a4d8-884f5b7f8b86","type":"aggregator"}""").Type,
            Is.EqualTo(NodeType.Aggregator));
    }
}
