using System.Reflection;
using FlameHub.Core;
using Newtonsoft.Json;

namespace FlameHub.Generated.Tests.Dtos;

/// <summary>
/// Every enum of the documents is an extensible value type: a value a newer Hub adds reads, compares
/// unequal to every known one and goes back unchanged; known values behave as before.
/// </summary>
public class ExtensibleEnumTests
{
    private static IEnumerable<Type> GeneratedEnums() =>
        typeof(CoreClient).Assembly.GetExportedTypes().Where(t => typeof(IWireEnum).IsAssignableFrom(t) && t.IsValueType);

    private static IEnumerable<TestCaseData> EveryGeneratedEnum() => GeneratedEnums().Select(t => new TestCaseData(t).SetArgDisplayNames(t.Name));

    private static string NodeWith(string typeJson) => """{"id":"fd098170-c4dc-4eb2-a4d8-884f5b7f8b86","name":"n","type":""" + typeJson + "}";

    private static IReadOnlyList<object> KnownValues(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.PropertyType == type).Select(p => p.GetValue(null)!).ToList();

    [Test]
    public void The_documents_enums_are_all_generated_as_extensible_value_types()
    {
        Assert.That(GeneratedEnums().Select(t => t.Name), Does.Contain(nameof(NodeType)).And.Contain(nameof(AnalysisBuildStatus)));
        Assert.That(typeof(CoreClient).Assembly.GetExportedTypes().Where(t => t.IsEnum && t.Namespace is "FlameHub.Core" or "FlameHub.Auth" or "FlameHub.Storage"),
            Is.Empty, "no C# enum is left to break on an unknown wire value");
    }

    [Test]
    public void A_known_value_equals_the_same_wire_text_and_gives_it_back()
    {
        NodeType fromString = "aggregator";

        Assert.That(fromString, Is.EqualTo(NodeType.Aggregator));
        Assert.That(fromString == NodeType.Aggregator, Is.True);
        Assert.That(fromString != NodeType.Default, Is.True);
        Assert.That(NodeType.Default.ToString(), Is.EqualTo("default"));
        Assert.That(new NodeType("default").GetHashCode(), Is.EqualTo(NodeType.Default.GetHashCode()));
    }

    [Test]
    public void An_unknown_value_compares_unequal_to_every_known_one_and_keeps_its_text()
    {
        var quantum = new NodeType("quantum");

        Assert.That(quantum, Is.Not.EqualTo(NodeType.Aggregator).And.Not.EqualTo(NodeType.Default));
        Assert.That(quantum.ToString(), Is.EqualTo("quantum"));
        Assert.That(new NodeType("Default"), Is.Not.EqualTo(NodeType.Default), "wire values are compared exactly");
    }

    [Test]
    public void A_null_wire_text_is_refused() =>
        Assert.That(() => new NodeType(null!), Throws.ArgumentNullException);

    [Test]
    public void A_node_with_an_unknown_type_reads_and_its_type_goes_back_unchanged_in_an_update()
    {
        var node = ClientJson.Deserialize<Node>("""{"id":"fd098170-c4dc-4eb2-a4d8-884f5b7f8b86","name":"n","type":"quantum"}""");

        Assert.That(node.Type?.ToString(), Is.EqualTo("quantum"));
        Assert.That(ClientJson.Serialize(new UpdateNode { Type = node.Type }), Is.EqualTo("""{"type":"quantum"}"""));
    }

    [Test]
    public void Null_and_absent_read_as_no_value_and_a_known_value_is_written_as_its_wire_text()
    {
        Assert.That(ClientJson.Deserialize<Node>(NodeWith("null")).Type, Is.Null);
        Assert.That(ClientJson.Deserialize<Node>("""{"id":"fd098170-c4dc-4eb2-a4d8-884f5b7f8b86","name":"n"}""").Type, Is.Null);
        Assert.That(ClientJson.Serialize(new UpdateNode { Type = NodeType.Aggregator }), Is.EqualTo("""{"type":"aggregator"}"""));
        Assert.That(ClientJson.Serialize(new UpdateNode { Type = default(NodeType) }), Is.EqualTo("""{"type":null}"""), "default holds no text");
    }

    [Test]
    public void A_number_or_boolean_where_a_string_was_reads_as_its_text_but_an_object_is_refused()
    {
        Assert.That(ClientJson.Deserialize<Node>(NodeWith("3")).Type?.ToString(), Is.EqualTo("3"));
        Assert.That(ClientJson.Deserialize<Node>(NodeWith("true")).Type?.ToString(), Is.EqualTo("true"));
        Assert.That(() => ClientJson.Deserialize<Node>(NodeWith("""{"a":1}""")), Throws.InstanceOf<JsonSerializationException>());
    }

    [TestCaseSource(nameof(EveryGeneratedEnum))]
    public void Every_known_value_round_trips_through_JSON_and_an_unknown_one_reads(Type type)
    {
        var known = KnownValues(type);
        Assert.That(known, Is.Not.Empty);
        foreach (var value in known)
        {
            var json = JsonConvert.SerializeObject(value, ClientJson.Settings);
            Assert.That(json, Is.EqualTo(JsonConvert.SerializeObject(value.ToString())));
            Assert.That(JsonConvert.DeserializeObject(json, type, ClientJson.Settings), Is.EqualTo(value));
        }

        var unknown = JsonConvert.DeserializeObject("\"added-by-a-newer-hub\"", type, ClientJson.Settings)!;
        Assert.That(unknown.ToString(), Is.EqualTo("added-by-a-newer-hub"));
        Assert.That(known, Has.None.EqualTo(unknown));
        var nullable = typeof(Nullable<>).MakeGenericType(type);
        Assert.That(JsonConvert.DeserializeObject("null", nullable, ClientJson.Settings), Is.Null);
    }

    [Test]
    public void A_known_or_unknown_value_is_a_filter_operand_sent_as_its_wire_text()
    {
        var options = new FindOptions { Filter = { ["type"] = NodeType.Aggregator } };
        Assert.That(HubQuery.Build(options, []), Is.EqualTo("filter[type]=aggregator&page[limit]=50&page[offset]=0").Or.EqualTo("filter[type]=aggregator"));

        var list = new FindOptions { Filter = { ["type"] = Filter.In(NodeType.Default, new NodeType("quantum")) } };
        Assert.That(HubQuery.Build(list, []), Does.StartWith("filter[type]=default,quantum"));
    }

    [Test]
    public void A_value_the_Hub_would_misread_is_refused_as_a_filter_operand_like_any_text() =>
        Assert.That(() => new FindOptions { Filter = { ["type"] = new NodeType("a,b") } }, Throws.ArgumentException.With.Message.Contains("','"));
}
