using System.Text.Json.Nodes;
using FlameHub.Generator.Report;
using static FlameHub.Generator.Tests.Report.DerivedDocuments;

namespace FlameHub.Generator.Tests.Report;

/// <summary>The diff of the stored 0.8.13 core document against documents derived from it, and of small hand-written pairs.</summary>
public class SpecDiffTests
{
    private static SpecDiff Diff(Func<JsonObject, JsonObject> derive) => SpecDiff.Compare("core", Core(), derive(Core()));

    // Was: removed plus added, breaking, "possibly renamed". The .NET name stays ExternalName, so it is a wire-style rename, said once and not breaking.
    [Test]
    public void A_field_respelled_in_camelCase_is_one_wire_style_rename_that_breaks_nothing()
    {
        var diff = Diff(RenameExternalName);

        var change = diff.Changes.Single();
        Assert.That((change.Section, change.Kind, change.Breaking), Is.EqualTo((ChangeSection.Renamed, ChangeKind.WireStyleRenamed, false)));
        Assert.That(ChangesMarkdown.Line(change), Does.StartWith(
            "- Field names on the wire: snake_case → camelCase: 1 name: `external_name` → `externalName`. "
            + "The .NET names stay the same (`external_name` and `externalName` are both `ExternalName`)"));
        Assert.That(change.Text, Does.EndWith("The other 42 multi-word names keep the snake_case spelling."));
    }

    [Test]
    public void A_field_renamed_to_another_word_of_the_same_shape_is_a_breaking_rename()
    {
        var diff = Diff(RenameOnline);

        var change = diff.Changes.Single();
        Assert.That(ChangesMarkdown.Line(change), Is.EqualTo(
            "- `nodes.online`: possibly renamed to `is_online` (the one gone and the one new field of shape `boolean`; .NET `Online` → `IsOnline`) — **breaking**: its .NET name changes"));
    }

    [Test]
    public void Schema_names_operation_ids_and_path_parameter_names_do_not_count()
    {
        var diff = SpecDiff.Compare("core", Core(), RenameEverything(Core()));

        Assert.That(diff.Changes, Is.Empty);
    }

    [Test]
    public void A_removed_operation_is_lost_and_breaking()
    {
        var diff = Diff(RemoveDeleteNode);

        var change = diff.Changes.Single();
        Assert.That((change.Section, change.Kind, change.Breaking), Is.EqualTo((ChangeSection.Lost, ChangeKind.OperationRemoved, true)));
        Assert.That(ChangesMarkdown.Line(change), Is.EqualTo("- `DELETE /nodes/{id}`: gone — **breaking**: its method disappears from the client"));
    }

    // Was: three operations added and one schema added. A resource is one line, with its operations and fields.
    [Test]
    public void A_new_resource_is_one_new_line_that_breaks_nothing()
    {
        var diff = Diff(AddWidget);

        var change = diff.Changes.Single();
        Assert.That((change.Section, change.Breaking), Is.EqualTo((ChangeSection.New, false)));
        Assert.That(ChangesMarkdown.Line(change), Is.EqualTo(
            "- `widgets`: new resource: 3 operations (`GET /widgets`, `GET /widgets/{id}`, `POST /widgets`); fields `id`, `name`, `node_id`"));
    }

    // Was: no longer nullable counted as breaking because Node is also sent in bodies. Bodies are compared by kind only
    // now (the package derives them from the entity), and a reader of a field that became non-null loses nothing.
    [Test]
    public void A_type_change_and_a_field_turned_nullable_break_readers_a_field_turned_non_null_does_not()
    {
        var diff = Diff(ChangeTypeAndNullability);

        Assert.That(diff.Changes.Select(ChangesMarkdown.Line), Is.EquivalentTo(new[]
        {
            "- Type `boolean` → `string`: `nodes.online` — **breaking**: values of the old type no longer fit",
            "- Now nullable: `nodes.hidden` — **breaking**: readers must handle null",
            "- No longer nullable: `nodes.public_key`",
        }));
    }

    [Test]
    public void A_Swagger_2_document_and_an_OpenAPI_3_1_one_of_the_same_api_differ_only_in_the_record_envelope()
    {
        var swagger = JsonNode.Parse("""
            {
              "swagger": "2.0", "info": { "version": "1" },
              "paths": {
                "/things": { "get": { "parameters": [], "responses": { "200": { "description": "", "schema": { "type": "array", "items": { "$ref": "#/definitions/Thing" } } } } } },
                "/things/{id}": { "get": { "parameters": [{ "in": "path", "name": "id", "required": true, "type": "string" }],
                  "responses": { "200": { "description": "", "schema": { "$ref": "#/definitions/Thing" } } } } }
              },
              "definitions": { "Thing": { "type": "object", "required": ["id"], "properties": {
                "id": { "type": "string" }, "note": { "type": "string", "x-nullable": true }, "kind": { "type": "string", "enum": ["a", "b"] }, "created_at": { "type": "string", "format": "date-time" } } } }
            }
            """)!.AsObject();
        var openApi = JsonNode.Parse("""
            {
              "openapi": "3.1.0", "info": { "version": "2" },
              "paths": {
                "/things": { "get": { "responses": { "200": { "description": "", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/EntityCollectionResponseThing" } } } } } } },
                "/things/{thingId}": { "get": { "parameters": [{ "in": "path", "name": "thingId", "required": true, "schema": { "type": "string" } }],
                  "responses": { "200": { "description": "", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/EntityRecordResponseThing" } } } } } } }
              },
              "components": { "schemas": {
                "EntityCollectionResponseThing": { "type": "object", "properties": { "data": { "type": "array", "items": { "$ref": "#/components/schemas/PartialThing" } }, "meta": { "type": "object" } } },
                "EntityRecordResponseThing": { "type": "object", "properties": { "data": { "allOf": [{ "$ref": "#/components/schemas/PartialThing" }] }, "meta": { "type": "object" } } },
                "PartialThing": { "type": "object", "required": ["id"], "properties": {
                  "id": { "type": "string" }, "note": { "type": ["string", "null"] }, "kind": { "$ref": "#/components/schemas/ThingKind" }, "created_at": { "type": "string" } } },
                "ThingKind": { "type": "string", "enum": ["b", "a"] }
              } }
            }
            """)!.AsObject();

        var diff = SpecDiff.Compare("core", swagger, openApi);

        Assert.That(diff.Changes.Select(ChangesMarkdown.Line), Is.EquivalentTo(new[]
        {
            "- Lists: the document now declares the `{data, meta}` envelope the Hub already sent; the package reads lists as before: `GET /things`",
            "- Answer a record → a record in `{data, meta}`; the package unwraps `data`, code reading the answer is unchanged: `GET /things/{thingId}`",
        }));
    }

    [Test]
    public void Identical_documents_have_no_changes_whatever_their_order()
    {
        var reordered = (JsonObject)Reversed(Core())!;

        var diff = SpecDiff.Compare("core", Core(), reordered);

        Assert.That(diff.Changes, Is.Empty);
        Assert.That(diff.Summary(), Is.EqualTo("core: no changes"));
        Assert.That(ChangesMarkdown.Write([], [], [diff]), Does.Contain("## core (0.8.13 (unchanged))\n\nNo changes to resources, operations, fields or security schemes."));
    }

    [Test]
    public void Every_kind_of_change_has_a_rule() =>
        Assert.That(Enum.GetValues<ChangeKind>().Where(k => !BreakingRules.Covers(k)), Is.Empty);

    private static JsonNode? Reversed(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Reverse().Select(p => KeyValuePair.Create(p.Key, Reversed(p.Value)))),
        JsonArray a => new JsonArray(a.Reverse().Select(Reversed).ToArray()),
        _ => node?.DeepClone(),
    };
}
