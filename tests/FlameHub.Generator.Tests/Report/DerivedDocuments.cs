using System.Text.Json.Nodes;

namespace FlameHub.Generator.Tests.Report;

/// <summary>Documents derived from the stored Hub 0.8.13 core document, as a Hub bump might change it.</summary>
internal static class DerivedDocuments
{
    public static JsonObject Core() => JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Specs, "core.json")))!.AsObject();

    public static JsonObject Node(JsonObject document) => document["definitions"]!["Node"]!.AsObject();

    /// <summary><c>Node.external_name</c> → <c>externalName</c>, same type, still required, last in order.</summary>
    public static JsonObject RenameExternalName(JsonObject document)
    {
        var node = Node(document);
        var properties = node["properties"]!.AsObject();
        var property = properties["external_name"]!.DeepClone();
        properties.Remove("external_name");
        properties["externalName"] = property;
        var required = node["required"]!.AsArray();
        required.Remove(required.First(r => r!.GetValue<string>() == "external_name"));
        required.Add("externalName");
        return document;
    }

    public static JsonObject RemoveDeleteNode(JsonObject document)
    {
        document["paths"]!["/nodes/{id}"]!.AsObject().Remove("delete");
        return document;
    }

    /// <summary>A new resource: <c>GET/POST /widgets</c>, <c>GET /widgets/{id}</c> and the definition <c>Widget</c>.</summary>
    public static JsonObject AddWidget(JsonObject document)
    {
        var widget = JsonNode.Parse("""{ "$ref": "#/definitions/Widget" }""");
        var id = JsonNode.Parse("""{ "in": "path", "name": "id", "required": true, "type": "string" }""");
        document["paths"]!["/widgets"] = new JsonObject
        {
            ["get"] = Operation("GetMany", [], JsonNode.Parse("""{ "type": "array", "items": { "$ref": "#/definitions/Widget" } }""")),
            ["post"] = Operation("Add", [new JsonObject { ["in"] = "body", ["name"] = "data", ["required"] = true, ["schema"] = widget!.DeepClone() }], widget.DeepClone()),
        };
        document["paths"]!["/widgets/{id}"] = new JsonObject { ["get"] = Operation("GetOne", [id], widget.DeepClone()) };
        document["definitions"]!["Widget"] = JsonNode.Parse("""
            {
              "type": "object",
              "properties": { "id": { "type": "string" }, "name": { "type": "string" }, "node_id": { "type": "string", "x-nullable": true } },
              "required": ["id", "name"]
            }
            """);
        return document;
    }

    /// <summary><c>Node.online</c> boolean → string; <c>Node.public_key</c> nullable → not; <c>Node.hidden</c> not → nullable.</summary>
    public static JsonObject ChangeTypeAndNullability(JsonObject document)
    {
        var properties = Node(document)["properties"]!.AsObject();
        properties["online"] = new JsonObject { ["type"] = "string" };
        properties["public_key"]!.AsObject().Remove("x-nullable");
        properties["hidden"]!["x-nullable"] = true;
        return document;
    }

    private static JsonObject Operation(string operationId, JsonNode?[] parameters, JsonNode? schema) => new()
    {
        ["operationId"] = operationId,
        ["parameters"] = new JsonArray(parameters),
        ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "Ok", ["schema"] = schema } },
    };
}
