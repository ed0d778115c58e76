using System.Text.Json.Nodes;
using FlameHub.Core;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FlameHub.Generated.Tests.Contract;

/// <summary>The generic model check itself: it must catch what it is there to catch.</summary>
public class ModelAssertTests
{
    private sealed class Loose
    {
        [JsonProperty("id")]
        public Guid Id { get; set; }

        [JsonProperty("relation")]
        public JObject? Relation { get; set; }

        [JsonExtensionData]
        public IDictionary<string, object> AdditionalProperties { get; set; } = new Dictionary<string, object>();
    }

    private static JsonNode Json(string text) => JsonNode.Parse(text)!;

    [Test]
    public void A_recorded_node_read_by_the_client_settings_passes()
    {
        var json = Json("""{"id":"fd098170-c4dc-4eb2-a4d8-884f5b7f8b86","name":"n","hidden":true,"type":"aggregator","online":false,"registry":null,"created_at":"2026-11-22T02:33:37.000Z"}""");
        var node = JsonConvert.DeserializeObject<Node>(json.ToJsonString(), HubJson.Settings);

        Assert.That(ModelAssert.Failures(node, json), Is.Empty);
    }

    [Test]
    public void A_member_without_a_property_is_reported()
    {
        var json = Json("""{"id":"fd098170-c4dc-4eb2-a4d8-884f5b7f8b86","nmae":"typo"}""");
        var model = JsonConvert.DeserializeObject<Loose>(json.ToJsonString(), HubJson.Settings);

        Assert.That(ModelAssert.Failures(model, json), Has.One.StartsWith("$.nmae: no [JsonProperty(\"nmae\")]"));
    }

    [Test]
    public void A_relation_read_as_untyped_JSON_is_reported()
    {
        var json = Json("""{"id":"fd098170-c4dc-4eb2-a4d8-884f5b7f8b86","relation":{"id":"x"}}""");
        var model = JsonConvert.DeserializeObject<Loose>(json.ToJsonString(), HubJson.Settings);

        Assert.That(ModelAssert.Failures(model, json), Has.One.Contains("untyped"));
    }

    [Test]
    public void A_property_that_did_not_bind_or_differs_is_reported()
    {
        var json = Json("""{"id":"fd098170-c4dc-4eb2-a4d8-884f5b7f8b86","name":"node","type":"aggregator","hidden":true}""");
        var node = new Node { Id = Guid.Parse("fd098170-c4dc-4eb2-a4d8-884f5b7f8b86"), Type = NodeType.Default, Hidden = true };

        Assert.That(ModelAssert.Failures(node, json), Is.EquivalentTo(new[]
        {
            "$.name: JSON \"node\", model null (not bound)",
            "$.type: JSON \"aggregator\", model default (NodeType)",
        }));
    }
}
