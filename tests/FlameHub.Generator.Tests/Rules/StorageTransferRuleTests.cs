using FlameHub.Generator.Rules;
using static FlameHub.Generator.Tests.Rules.RuleTestKit;

namespace FlameHub.Generator.Tests.Rules;

public sealed class StorageTransferRuleTests
{
    private const string Document = """
        { "paths": {
          "/buckets/{id}/upload": { "post": {
            "requestBody": { "content": { "application/json": { "schema": { "type": "object" } } } },
            "responses": { "200": { "description": "Ok", "content": { "application/json": {
              "schema": { "type": "array", "items": { "$ref": "#/components/schemas/BucketFile" } } } } } } } },
          "/bucket-files/{id}/stream": { "get": { "responses": { "200": { "description": "Ok", "content": { "application/json": {
            "schema": { "type": "object" } } } } } } },
          "/buckets/{id}/files/upload": { "post": { "responses": { "200": { "description": "Ok" } } } },
          "/buckets/{id}": { "get": { "responses": { "200": { "description": "Ok", "content": { "application/json": {
            "schema": { "$ref": "#/components/schemas/Bucket" } } } } } } }
        },
          "components": { "schemas": { "Bucket": { "type": "object" }, "BucketFile": { "type": "object" } } } }
        """;

    [Test]
    public void AnUploadTakesMultipartFiles()
    {
        var upload = Apply<StorageTransferRule>(Document, "storage").Operation("/buckets/{id}/upload", "post");

        AssertJson(upload["requestBody"], """
            { "required": true, "content": { "multipart/form-data": { "schema": { "type": "object", "properties": {
              "files": { "type": "array", "items": { "type": "string", "format": "binary" } } } } } } }
            """);
    }

    [Test]
    public void AnUploadAnswersCreatedWithTheStoredFilesAsAList()
    {
        var document = Apply<StorageTransferRule>(Document, "storage");

        var upload = document.Operation("/buckets/{id}/upload", "post");
        Assert.That(upload.Keys("responses"), Is.EqualTo(new[] { "201" }));
        AssertJson(upload.At("responses.201.content.application/json.schema"),
            """{ "type": "array", "items": { "$ref": "#/components/schemas/BucketFile" } }""");
        Assert.That(upload.Text(SingleRecordEnvelopeRule.Extension), Is.EqualTo(ListEnvelopeRule.Marker));
        Assert.That(document.Keys("components.schemas"), Is.EquivalentTo(new[] { "Bucket", "BucketFile" }));
    }

    [Test]
    public void AStreamAnswersRawBytes()
    {
        var stream = Apply<StorageTransferRule>(Document, "storage").Operation("/bucket-files/{id}/stream", "get");

        Assert.That(stream.Keys("responses"), Is.EqualTo(new[] { "200" }));
        Assert.That(stream.Keys("responses.200.content"), Is.EqualTo(new[] { "application/octet-stream" }));
        AssertJson(stream.At("responses.200.content.application/octet-stream.schema"), """{ "type": "string", "format": "binary" }""");
    }

    [Test]
    public void TransfersAreMarkedForTheTemplates()
    {
        var document = Apply<StorageTransferRule>(Document, "storage");

        var upload = document.Operation("/buckets/{id}/upload", "post");
        Assert.That(upload.Text("x-flamehub-transfer"), Is.EqualTo("upload"));
        Assert.That(upload.Text("x-flamehub-item-schema"), Is.EqualTo("BucketFile"));
        Assert.That(document.Operation("/bucket-files/{id}/stream", "get").Text("x-flamehub-transfer"), Is.EqualTo("download"));
        Assert.That(document.Operation("/buckets/{id}", "get").ContainsKey("x-flamehub-transfer"), Is.False);
    }

    [Test]
    public void OtherOperationsAreLeftAlone()
    {
        var document = Apply<StorageTransferRule>(Document, "storage");

        AssertJson(document.Operation("/buckets/{id}/files/upload", "post"), """{ "responses": { "200": { "description": "Ok" } } }""");
        Assert.That(document.Operation("/buckets/{id}", "get").Text("responses.200.content.application/json.schema.$ref"),
            Is.EqualTo("#/components/schemas/Bucket"));
    }
}
