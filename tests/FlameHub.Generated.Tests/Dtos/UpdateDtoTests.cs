using FlameHub.Core;

namespace FlameHub.Generated.Tests.Dtos;

/// <summary>An update sends exactly the properties that were assigned, null included.</summary>
public class UpdateDtoTests
{
    [Test]
    public void Set_properties_are_sent_and_explicit_null_is_sent_as_null()
    {
        var update = new UpdateNode { Hidden = true, ExternalName = null };

        Assert.That(ClientJson.Serialize(update), Is.EqualTo("""{"hidden":true,"external_name":null}"""));
    }

    [Test]
    public void An_update_with_nothing_set_is_an_empty_object() =>
        Assert.That(ClientJson.Serialize(new UpdateNode()), Is.EqualTo("{}"));

    [Test]
    public void IsSet_tells_assigned_fields_from_unset_ones()
    {
        var update = new UpdateNode { ExternalName = null };

        Assert.That(update.IsSet(NodeFields.ExternalName), Is.True);
        Assert.That(update.IsSet(NodeFields.Hidden), Is.False);
        Assert.That(update.SetFields, Is.EqualTo(new[] { "external_name" }));
    }

    [Test]
    public void Fields_are_sent_in_the_order_they_were_first_set()
    {
        var update = new UpdateNode { Online = false, Name = "node-a" };
        update.Online = true;

        Assert.That(ClientJson.Serialize(update), Is.EqualTo("""{"online":true,"name":"node-a"}"""));
    }

    [Test]
    public void Extra_fields_are_sent_after_the_set_ones()
    {
        var update = new UpdateNode { Hidden = false };
        update.AdditionalProperties["comment"] = System.Text.Json.JsonSerializer.SerializeToElement("x");

        Assert.That(ClientJson.Serialize(update), Is.EqualTo("""{"hidden":false,"comment":"x"}"""));
    }

    [Test]
    public void A_body_read_from_JSON_has_the_fields_it_contained_set()
    {
        var update = ClientJson.Deserialize<UpdateNode>("""{"external_name":null,"hidden":true}""");

        Assert.That(update.SetFields, Is.EqualTo(new[] { "external_name", "hidden" }));
        Assert.That(update.Hidden, Is.True);
    }

    [Test]
    public void Reset_makes_a_field_unset_and_clears_its_value()
    {
        var update = new UpdateNode { Hidden = true, Name = "node-a" };

        update.Reset(NodeFields.Name);

        Assert.That(update.Name, Is.Null);
        Assert.That(update.IsSet(NodeFields.Name), Is.False);
        Assert.That(ClientJson.Serialize(update), Is.EqualTo("""{"hidden":true}"""));
    }

    [Test]
    public void ResetAll_unsets_every_field()
    {
        var update = new UpdateNode { Hidden = true, Name = "node-a" };

        update.ResetAll();

        Assert.That(ClientJson.Serialize(update), Is.EqualTo("{}"));
    }

    [Test]
    public void Reset_of_an_unknown_field_throws() =>
        Assert.That(() => new UpdateNode().Reset("no_such_field"),
            Throws.ArgumentException.With.Message.Contains("no_such_field"));

    [Test]
    public void Enums_are_sent_as_their_wire_values() =>
        Assert.That(ClientJson.Serialize(new UpdateNode { Type = NodeType.Aggregator }), Is.EqualTo("""{"type":"aggregator"}"""));

    [Test]
    public void Every_update_body_tracks_what_was_set()
    {
        var updates = typeof(UpdateNode).Assembly.GetExportedTypes()
            .Where(t => t.Name.StartsWith("Update", StringComparison.Ordinal) && t.IsClass && t.Namespace != "FlameHub")
            .ToList();

        Assert.That(updates, Is.Not.Empty);
        Assert.That(updates.Where(t => !t.IsSubclassOf(typeof(UnsetTracking))), Is.Empty);
        Assert.That(updates.Select(t => ClientJson.Serialize(Activator.CreateInstance(t)!)), Is.All.EqualTo("{}"));
    }
}
