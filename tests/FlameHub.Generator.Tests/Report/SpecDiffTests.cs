using System.Text.Json.Nodes;
using FlameHub.Generator.Report;
using static FlameHub.Generator.Tests.Report.DerivedDocuments;

namespace FlameHub.Generator.Tests.Report;

/// <summary>The diff of the stored 0.8.13 core document against documents derived from it.</summary>
public class SpecDiffTests
{
    private static SpecDiff Diff(Func<JsonObject, JsonObject> derive) => SpecDiff.Compare("core", Core(), derive(Core()));

    [Test]
    public void A_renamed_property_is_removed_plus_added_breaking_and_possibly_renamed()
    {
        var diff = Diff(RenameExternalName);

        Assert.That(diff.Changes, Has.Count.EqualTo(2));
        var removed = diff.Changes.Single(c => c.Kind == ChangeKind.PropertyRemoved);
        Assert.That(removed.Subject, Is.EqualTo("Node.external_name"));
        Assert.That(removed.Text, Does.Contain("possibly renamed to `externalName`"));
        Assert.That(removed.Breaking, Is.True);
        var added = diff.Changes.Single(c => c.Kind == ChangeKind.RequiredPropertyAdded);
        Assert.That(added.Subject, Is.EqualTo("Node.externalName"));
        Assert.That(added.Text, Does.Contain("possibly renamed from `external_name`").And.Contain("`string`, nullable, required"));
        Assert.That(added.Breaking, Is.True, "Node is sent inside request bodies (AnalysisNode.node), and the new property is required");
    }

    [Test]
    public void A_definition_renamed_with_its_properties_is_possibly_renamed()
    {
        var diff = Diff(document =>
        {
            var definitions = document["definitions"]!.AsObject();
            var registry = definitions["Registry"]!.DeepClone();
            definitions.Remove("Registry");
            definitions["ContainerRegistry"] = registry;
            return document;
        });

        var removed = diff.Changes.Single(c => c.Kind == ChangeKind.SchemaRemoved);
        Assert.That((removed.Subject, removed.Breaking), Is.EqualTo(("Registry", true)));
        Assert.That(removed.Text, Does.EndWith("possibly renamed to `ContainerRegistry`"));
        Assert.That(diff.Changes.Single(c => c.Kind == ChangeKind.SchemaAdded).Text, Does.EndWith("possibly renamed from `Registry`"));
    }

    [Test]
    public void A_removed_operation_is_breaking()
    {
        var diff = Diff(RemoveDeleteNode);

        var change = diff.Changes.Single();
        Assert.That(change.Kind, Is.EqualTo(ChangeKind.OperationRemoved));
        Assert.That(change.Subject, Is.EqualTo("DELETE /nodes/{id}"));
        Assert.That(change.Text, Does.Contain("`Drop`"));
        Assert.That(change.Breaking, Is.True);
    }

    [Test]
    public void A_new_resource_is_additions_that_break_nothing()
    {
        var diff = Diff(AddWidget);

        Assert.That(diff.Changes.Select(c => (c.Kind, c.Subject)), Is.EquivalentTo(new[]
        {
            (ChangeKind.OperationAdded, "GET /widgets"),
            (ChangeKind.OperationAdded, "POST /widgets"),
            (ChangeKind.OperationAdded, "GET /widgets/{id}"),
            (ChangeKind.SchemaAdded, "Widget"),
        }));
        Assert.That(diff.BreakingCount, Is.Zero);
        Assert.That(diff.Changes.Single(c => c.Kind == ChangeKind.SchemaAdded).Text, Is.EqualTo("added (3 properties)"));
    }

    [Test]
    public void Type_and_nullability_changes_of_a_schema_both_sent_and_read_break()
    {
        var diff = Diff(ChangeTypeAndNullability);

        Assert.That(diff.Changes.Select(c => (c.Kind, c.Subject, c.Breaking)), Is.EquivalentTo(new[]
        {
            (ChangeKind.TypeChanged, "Node.online", true),
            (ChangeKind.NowNonNullable, "Node.public_key", true),
            (ChangeKind.NowNullable, "Node.hidden", true),
        }));
        Assert.That(diff.Changes.Single(c => c.Kind == ChangeKind.TypeChanged).Text, Is.EqualTo("type `boolean` → `string`"));
    }

    [TestCase(true, ChangeKind.NowNonNullable, true, TestName = "nullable → non-null breaks a sent schema")]
    [TestCase(false, ChangeKind.NowNonNullable, false, TestName = "nullable → non-null does not break a read-only schema")]
    [TestCase(false, ChangeKind.NowNullable, true, TestName = "non-null → nullable breaks a read schema")]
    [TestCase(true, ChangeKind.NowNullable, false, TestName = "non-null → nullable does not break a send-only schema")]
    public void Nullability_breaks_by_direction(bool sent, ChangeKind kind, bool breaking)
    {
        var old = Tiny(sent, nullable: kind == ChangeKind.NowNonNullable);
        var @new = Tiny(sent, nullable: kind == ChangeKind.NowNullable);

        var change = SpecDiff.Compare("core", old, @new).Changes.Single();
        Assert.That((change.Kind, change.Subject, change.Breaking), Is.EqualTo((kind, "Thing.note", breaking)));
    }

    [Test]
    public void Identical_documents_have_no_changes_whatever_their_order()
    {
        var reordered = (JsonObject)Reversed(Core())!;

        var diff = SpecDiff.Compare("core", Core(), reordered);

        Assert.That(diff.Changes, Is.Empty);
        Assert.That(diff.Summary(), Is.EqualTo("core: no changes"));
        Assert.That(ChangesMarkdown.Write([], [], [diff]), Does.Contain("## core (0.8.13 (unchanged))\n\nNo changes to operations or schemas."));
    }

    [Test]
    public void Every_kind_of_change_has_a_rule() =>
        Assert.That(Enum.GetValues<ChangeKind>().Where(k => !BreakingRules.Covers(k)), Is.Empty);

    // One definition, sent as a body or only read, with one property whose nullability varies.
    private static JsonObject Tiny(bool sent, bool nullable)
    {
        var thing = """{ "$ref": "#/definitions/Thing" }""";
        var operation = sent
            ? $$"""{ "post": { "parameters": [{ "in": "body", "name": "data", "required": true, "schema": {{thing}} }], "responses": { "204": { "description": "" } } } }"""
            : $$"""{ "get": { "parameters": [], "responses": { "200": { "description": "", "schema": {{thing}} } } } }""";
        return JsonNode.Parse($$"""
            {
              "swagger": "2.0", "info": { "version": "1" }, "paths": { "/things": {{operation}} },
              "definitions": { "Thing": { "type": "object", "properties": { "note": { "type": "string", "x-nullable": {{(nullable ? "true" : "false")}} } } } }
            }
            """)!.AsObject();
    }

    private static JsonNode? Reversed(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Reverse().Select(p => KeyValuePair.Create(p.Key, Reversed(p.Value)))),
        JsonArray a => new JsonArray(a.Reverse().Select(Reversed).ToArray()),
        _ => node?.DeepClone(),
    };
}
