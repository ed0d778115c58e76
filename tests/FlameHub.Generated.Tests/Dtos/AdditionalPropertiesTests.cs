using System.Text.Json;
using FlameHub.Core;

namespace FlameHub.Generated.Tests.Dtos;

/// <summary>
/// <c>AdditionalProperties</c> holds the fields a type does not declare as <see cref="JsonElement"/>
/// values, whatever serializer reads them: read from the Hub, added by the caller, sent unchanged.
/// </summary>
public sealed class AdditionalPropertiesTests
{
    private const string NodeWithExtras =
        """{"id":"00000000-0000-0000-0000-000000000001","name":"n","quantum_key":"abc","federation":{"id":"x","tags":[1,2.5,null]},"weight":12345678901234567890}""";

    [Test]
    public void Unknown_fields_read_from_the_Hub_are_JsonElements_of_their_JSON()
    {
        var node = ClientJson.Deserialize<Node>(NodeWithExtras);
        var extras = node.AdditionalProperties;

        Assert.That(extras.Keys, Is.EquivalentTo(new[] { "quantum_key", "federation", "weight" }));
        Assert.That(extras["quantum_key"].GetString(), Is.EqualTo("abc"));
        Assert.That(extras["federation"].GetProperty("tags").GetRawText(), Is.EqualTo("[1,2.5,null]"));
        Assert.That(extras["weight"].GetRawText(), Is.EqualTo("12345678901234567890"), "a number beyond long keeps its digits");
        Assert.That(extras.Values.Select(v => v.ValueKind), Is.EquivalentTo(new[] { JsonValueKind.String, JsonValueKind.Object, JsonValueKind.Number }));
        Assert.That(extras.TryGetValue("missing", out _), Is.False);
    }

    [Test]
    public void A_field_added_as_a_JsonElement_is_sent_as_it_is_after_the_set_fields()
    {
        var update = new UpdateNode { Hidden = true };
        update.AdditionalProperties["comment"] = JsonSerializer.SerializeToElement(new { text = "x", at = "2026-11-22T02:33:37.000Z", ratio = 1.10m });
        update.AdditionalProperties.Add("raw", JsonDocument.Parse("1.10").RootElement);

        Assert.That(ClientJson.Serialize(update),
            Is.EqualTo("""{"hidden":true,"comment":{"text":"x","at":"2026-11-22T02:33:37.000Z","ratio":1.10},"raw":1.10}"""));
    }

    [Test]
    public void Fields_of_a_body_read_from_JSON_go_back_out_unchanged()
    {
        var update = ClientJson.Deserialize<UpdateNode>("""{"hidden":true,"future":{"a":[1,"b"]}}""");

        Assert.That(update.AdditionalProperties["future"].GetProperty("a")[1].GetString(), Is.EqualTo("b"));
        Assert.That(ClientJson.Serialize(update), Is.EqualTo("""{"hidden":true,"future":{"a":[1,"b"]}}"""));
    }

    [Test]
    public void Removing_and_clearing_change_what_is_sent()
    {
        var update = new UpdateNode { Hidden = false };
        update.AdditionalProperties["a"] = JsonSerializer.SerializeToElement(1);
        update.AdditionalProperties["b"] = JsonSerializer.SerializeToElement(2);

        Assert.That(update.AdditionalProperties.Remove(new KeyValuePair<string, JsonElement>("a", JsonSerializer.SerializeToElement(3))), Is.False, "a different value is not removed");
        Assert.That(update.AdditionalProperties.Contains(new KeyValuePair<string, JsonElement>("a", JsonSerializer.SerializeToElement(1))), Is.True);
        Assert.That(update.AdditionalProperties.Remove("a"), Is.True);
        Assert.That(ClientJson.Serialize(update), Is.EqualTo("""{"hidden":false,"b":2}"""));
        update.AdditionalProperties.Clear();
        Assert.That(ClientJson.Serialize(update), Is.EqualTo("""{"hidden":false}"""));
    }

    [Test]
    public void An_empty_JsonElement_is_refused_where_it_is_added()
    {
        var update = new UpdateNode();

        Assert.That(() => update.AdditionalProperties["x"] = default, Throws.ArgumentException.With.Message.Contains("empty JsonElement"));
        Assert.That(update.AdditionalProperties, Is.Empty);
    }

    [Test]
    public void A_value_read_stays_valid_after_the_model_changes()
    {
        var node = ClientJson.Deserialize<Node>(NodeWithExtras);
        var federation = node.AdditionalProperties["federation"];

        node.AdditionalProperties.Clear();
        GC.Collect();

        Assert.That(federation.GetProperty("id").GetString(), Is.EqualTo("x"), "each value owns its memory");
    }
}
