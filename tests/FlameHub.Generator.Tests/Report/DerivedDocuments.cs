using System.Text.Json.Nodes;

namespace FlameHub.Generator.Tests.Report;

/// <summary>Documents derived from the stored Hub 0.8.13 core document, as a Hub bump might change it.</summary>
internal static class DerivedDocuments
{
    public static JsonObject Core() => JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Specs, "core.json")))!.AsObject();

    /// <summary>The schema <c>GET /nodes/{id}</c> answers (0.8.13 calls it <c>PartialNode</c>): the nodes entity.</summary>
    public static JsonObject Node(JsonObject document)
    {
        var reference = document["paths"]!["/nodes/{id}"]!["get"]!["responses"]!["200"]!["schema"]!["$ref"]!.GetValue<string>();
        return document["definitions"]![reference["#/definitions/".Length..]]!.AsObject();
    }

    /// <summary>The entity's <c>external_name</c> → <c>externalName</c>, same type, still required, last in order.</summary>
    public static JsonObject RenameExternalName(JsonObject document) => RenameField(document, "external_name", "externalName");

    /// <summary>The entity's <c>online</c> → <c>is_online</c>: a real rename, the .NET name changes.</summary>
    public static JsonObject RenameOnline(JsonObject document) => RenameField(document, "online", "is_online");

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

    /// <summary>The entity's <c>online</c> boolean → string; <c>public_key</c> nullable → not; <c>hidden</c> not → nullable.</summary>
    public static JsonObject ChangeTypeAndNullability(JsonObject document)
    {
        var properties = Node(document)["properties"]!.AsObject();
        properties["online"] = new JsonObject { ["type"] = "string" };
        properties["public_key"]!.AsObject().Remove("x-nullable");
        properties["hidden"]!["x-nullable"] = true;
        return document;
    }

    /// <summary>
    /// Every definition renamed (<c>Node</c> → <c>Schema17</c>, references too), every operation id
    /// scrambled and every path parameter renamed: what another document generator might write.
    /// </summary>
    public static JsonObject RenameEverything(JsonObject document)
    {
        var definitions = document["definitions"]!.AsObject();
        var names = definitions.Select((d, i) => (Old: d.Key, New: $"Schema{i}")).ToList();
        var text = document.ToJsonString();
        foreach (var (old, @new) in names) text = text.Replace($"\"#/definitions/{old}\"", $"\"#/definitions/{@new}\"", StringComparison.Ordinal);
        var renamed = JsonNode.Parse(text)!.AsObject();
        var renamedDefinitions = renamed["definitions"]!.AsObject();
        foreach (var (old, @new) in names)
        {
            var schema = renamedDefinitions[old]!.DeepClone();
            renamedDefinitions.Remove(old);
            renamedDefinitions[@new] = schema;
        }
        var paths = renamed["paths"]!.AsObject();
        var counter = 0;
        foreach (var (path, item) in paths.ToList())
        {
            foreach (var (_, operation) in item!.AsObject())
            {
                if (operation is not JsonObject o) continue;
                o["operationId"] = $"op{counter++}";
                foreach (var parameter in o["parameters"]?.AsArray() ?? [])
                {
                    if (parameter?["in"]?.GetValue<string>() == "path") parameter["name"] = "p_" + parameter["name"]!.GetValue<string>();
                }
            }
            paths.Remove(path);
            paths[path.Replace("{", "{p_", StringComparison.Ordinal)] = item;
        }
        return renamed;
    }

    private static JsonObject RenameField(JsonObject document, string from, string to)
    {
        var node = Node(document);
        var properties = node["properties"]!.AsObject();
        var property = properties[from]!.DeepClone();
        properties.Remove(from);
        properties[to] = property;
        var required = node["required"]!.AsArray();
        required.Remove(required.First(r => r!.GetValue<string>() == from));
        required.Add(to);
        return document;
    }

    private static JsonObject Operation(string operationId, JsonNode?[] parameters, JsonNode? schema) => new()
    {
        ["operationId"] = operationId,
        ["parameters"] = new JsonArray(parameters),
        ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "Ok", ["schema"] = schema } },
    };
}
