using System.Text.Json.Nodes;
using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Tests.Normalize;

public class OverlayTests
{
    private static JsonObject Document() => JsonNode.Parse("""
        {"components":{"schemas":{
          "Node":{"properties":{"registry_id":{"type":"string"},"name":{"type":"string"}},"required":["name"]},
          "Realm":{"properties":{"name":{"type":"string"}}}}}}
        """)!.AsObject();

    private static JsonObject Overlay(string actions) =>
        JsonNode.Parse($$"""{"overlay":"1.0.0","info":{"title":"t","version":"1"},"actions":{{actions}}}""")!.AsObject();

    [Test]
    public void Update_merges_into_the_target()
    {
        var document = Document();
        FlameHub.Generator.Normalize.Overlay.Apply(document, Overlay("""[{"target":"$.components.schemas.Node.properties.registry_id","update":{"nullable":true}}]"""), "o");
        Assert.That(document["components"]!["schemas"]!["Node"]!["properties"]!["registry_id"]!.ToJsonString(),
            Is.EqualTo("""{"type":"string","nullable":true}"""));
    }

    [Test]
    public void Update_appends_to_arrays_and_adds_members()
    {
        var document = Document();
        FlameHub.Generator.Normalize.Overlay.Apply(document, Overlay("""[{"target":"$.components.schemas.Node","update":{"required":["registry_id"],"x-a":1}}]"""), "o");
        var node = document["components"]!["schemas"]!["Node"]!;
        Assert.That(node["required"]!.ToJsonString(), Is.EqualTo("""["name","registry_id"]"""));
        Assert.That(node["x-a"]!.GetValue<int>(), Is.EqualTo(1));
    }

    [Test]
    public void Remove_deletes_the_target_and_wildcards_select_every_member()
    {
        var document = Document();
        FlameHub.Generator.Normalize.Overlay.Apply(document, Overlay("""[{"target":"$.components.schemas.*['properties'].name","remove":true}]"""), "o");
        Assert.That(document["components"]!["schemas"]!["Node"]!["properties"]!.AsObject().ContainsKey("name"), Is.False);
        Assert.That(document["components"]!["schemas"]!["Realm"]!["properties"]!.AsObject().Count, Is.Zero);
    }

    [Test]
    public void A_target_that_selects_nothing_is_an_error()
    {
        var error = Assert.Throws<GeneratorException>(() =>
            FlameHub.Generator.Normalize.Overlay.Apply(Document(), Overlay("""[{"target":"$.components.schemas.Gone","update":{}}]"""), "hub.overlay.json"));
        Assert.That(error!.Message, Does.Contain("hub.overlay.json").And.Contain("selects nothing"));
    }

    [Test]
    public void A_document_that_is_no_overlay_is_refused() =>
        Assert.Throws<GeneratorException>(() => FlameHub.Generator.Normalize.Overlay.Apply(Document(), JsonNode.Parse("""{"actions":[]}""")!.AsObject(), "o"));
}
