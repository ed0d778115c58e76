using FlameHub.Core;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FlameHub.Generated.Tests.Dtos;

/// <summary>Entities read what the Hub sends, and name their fields through {Entity}Fields.</summary>
public class EntityTests
{
    private const string HubNode = """
        {"id":"fd098170-c4dc-4eb2-a4d8-884f5b7f8b86","external_name":"node-a95747","public_key":null,"name":"node-a95747",
         "hidden":true,"type":"default","online":false,"registry_id":null,"registry_project_id":null,
         "robot_id":"94870cf6-7bfc-40bc-9fbd-e944f1621cb0","realm_id":"170b4592-4913-44db-9edf-6cb7fb9595d5",
         "created_at":"2026-11-22T02:33:37.000Z","updated_at":"2026-11-22T02:33:38.000Z"}
        """;

    [Test]
    public void A_node_from_the_Hub_is_read_into_every_property()
    {
        var node = ClientJson.Deserialize<Node>(HubNode);

        Assert.Multiple(() =>
        {
            Assert.That(node.Id, Is.EqualTo(Guid.Parse("fd098170-c4dc-4eb2-a4d8-884f5b7f8b86")));
            Assert.That(node.ExternalName, Is.EqualTo("node-a95747"));
            Assert.That(node.PublicKey, Is.Null);
            Assert.That(node.Name, Is.EqualTo("node-a95747"));
            Assert.That(node.Hidden, Is.True);
            Assert.That(node.Type, Is.EqualTo(NodeType.Default));
            Assert.That(node.Online, Is.False);
            Assert.That(node.RegistryId, Is.Null);
            Assert.That(node.RegistryProjectId, Is.Null);
            Assert.That(node.RobotId, Is.EqualTo(Guid.Parse("94870cf6-7bfc-40bc-9fbd-e944f1621cb0")));
            Assert.That(node.RealmId, Is.EqualTo(Guid.Parse("170b4592-4913-44db-9edf-6cb7fb9595d5")));
            Assert.That(node.CreatedAt, Is.EqualTo(new DateTimeOffset(2026, 11, 22, 2, 33, 37, TimeSpan.Zero)));
            Assert.That(node.UpdatedAt, Is.EqualTo(new DateTimeOffset(2026, 11, 22, 2, 33, 38, TimeSpan.Zero)));
            Assert.That(node.AdditionalProperties, Is.Empty, "every field the Hub sent has a property");
        });
    }

    [Test]
    public void An_entity_may_omit_fields_that_are_not_required()
    {
        var node = ClientJson.Deserialize<Node>("""{"id":"fd098170-c4dc-4eb2-a4d8-884f5b7f8b86"}""");

        Assert.That(node.Name, Is.Null);
        Assert.That(node.Registry, Is.Null);
    }

    [Test]
    public void A_node_read_and_written_again_keeps_its_non_null_values()
    {
        var original = Parse(HubNode);
        var written = Parse(ClientJson.Serialize(ClientJson.Deserialize<Node>(HubNode)));

        foreach (var (name, value) in original)
        {
            if (value!.Type == JTokenType.Null) continue;
            if (name.EndsWith("_at", StringComparison.Ordinal))
            {
                Assert.That(DateTimeOffset.Parse(written.Value<string>(name)!), Is.EqualTo(DateTimeOffset.Parse(value.Value<string>()!)), name);
                continue;
            }
            Assert.That(JToken.DeepEquals(written[name], value), Is.True, name);
        }
    }

    private static JObject Parse(string json) =>
        JsonConvert.DeserializeObject<JObject>(json, new JsonSerializerSettings { DateParseHandling = DateParseHandling.None })!;

    [Test]
    public void Field_constants_hold_the_wire_names()
    {
        Assert.That(NodeFields.RealmId, Is.EqualTo("realm_id"));
        Assert.That(NodeFields.ExternalName, Is.EqualTo("external_name"));
        Assert.That(FlameHub.Auth.UserFields.Name, Is.EqualTo("name"));
        Assert.That(FlameHub.Storage.BucketFields.Id, Is.EqualTo("id"));
    }

    [Test]
    public void Field_constants_cover_every_field_the_Hub_sends()
    {
        var constants = typeof(NodeFields).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.That(JObject.Parse(HubNode).Properties().Select(p => p.Name), Is.SubsetOf(constants));
        Assert.That(constants, Does.Contain("registry"), "relations are fields too");
    }

    [Test]
    public void Only_entities_get_field_constants()
    {
        var assembly = typeof(Node).Assembly;

        Assert.That(assembly.GetType("FlameHub.Core.NodeListFields"), Is.Null);
        Assert.That(assembly.GetType("FlameHub.Core.CreateNodeFields"), Is.Null);
        Assert.That(assembly.GetType("FlameHub.Auth.TokenGrantResponseFields"), Is.Null);
    }
}
