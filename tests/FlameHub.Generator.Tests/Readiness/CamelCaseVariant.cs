using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FlameHub.Generator.Import;
using FlameHub.Generator.Normalize;
using FlameHub.Generator.Rules;

namespace FlameHub.Generator.Tests.Readiness;

/// <summary>
/// What a Hub 0.14 document may look like, made from a 0.8 one: every field name camelCase
/// (<c>realm_id</c> → <c>realmId</c>) and every single-record answer of an entity declared as
/// <c>{"data": &lt;record&gt;, "meta": {}}</c>. Its release's quirks name the fields the same way.
/// </summary>
internal static partial class CamelCaseVariant
{
    public static string Camel(string name) => Words.Spell(Words.Split(name), FieldStyle.Camel);

    /// <summary>In <paramref name="work"/>: specs/ with core.json made camelCase and enveloped, as release 0.14.0, and that release's quirks.</summary>
    public static async Task<(string Specs, string Quirks)> WriteAsync(string work)
    {
        var specs = Directory.CreateDirectory(Path.Combine(work, "specs")).FullName;
        foreach (var file in Directory.GetFiles(RepositoryPaths.Specs)) File.Copy(file, Path.Combine(specs, Path.GetFileName(file)));
        var core = Path.Combine(specs, "core.json");
        await File.WriteAllTextAsync(core, Document(await ReadAsync(core)).ToJsonString());
        var release = await ReadAsync(Path.Combine(specs, SpecImporter.ReleaseFileName));
        release["hub"] = "0.14.0";
        await File.WriteAllTextAsync(Path.Combine(specs, SpecImporter.ReleaseFileName), release.ToJsonString());

        var quirks = Path.Combine(work, "quirks");
        var folder = Directory.CreateDirectory(Path.Combine(quirks, "hub-0.14.0")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Quirks, "hub-0.8.13")))
        {
            var overlay = await ReadAsync(file);
            if (Path.GetFileName(file) == "core.overlay.json") overlay = Overlay(overlay);
            await File.WriteAllTextAsync(Path.Combine(folder, Path.GetFileName(file)), overlay.ToJsonString());
        }
        return (specs, quirks);
    }

    private static async Task<JsonObject> ReadAsync(string path) => (JsonObject)JsonNode.Parse(await File.ReadAllTextAsync(path))!;

    /// <summary>The Swagger 2.0 document with camelCase field names and enveloped single records.</summary>
    public static JsonObject Document(JsonObject swagger)
    {
        var variant = (JsonObject)swagger.DeepClone();
        foreach (var schema in OpenApiJson.Descendants(variant).OfType<JsonObject>().ToList())
        {
            if (schema["properties"] is JsonObject properties) RenameInPlace(properties);
            if (schema["required"] is JsonArray required) schema["required"] = new JsonArray(required.Select(r => (JsonNode)Camel(r!.GetValue<string>())).ToArray());
        }
        foreach (var (path, item) in (JsonObject)variant["paths"]!)
        {
            foreach (var (method, op) in (JsonObject)item!)
            {
                var shape = OperationShape.Of(method, path);
                if (shape.Kind is OperationKind.Get or OperationKind.Create or OperationKind.Update or OperationKind.Delete
                    && op?["responses"]?["200"] is JsonObject ok && ok["schema"]?["$ref"] is not null)
                {
                    ok["schema"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["properties"] = new JsonObject { ["data"] = ok["schema"]!.DeepClone(), ["meta"] = new JsonObject { ["type"] = "object" } },
                    };
                }
            }
        }
        return variant;
    }

    /// <summary>
    /// A quirks overlay whose targets, field lists and added schemas name camelCase fields, and
    /// whose retyped single-record answers point into the envelope the variant declares.
    /// </summary>
    public static JsonObject Overlay(JsonObject overlay)
    {
        var variant = (JsonObject)overlay.DeepClone();
        foreach (var action in ((JsonArray)variant["actions"]!).OfType<JsonObject>())
        {
            var target = IntoEnvelope(action["target"]!.GetValue<string>());
            var segments = target.Split('.');
            for (var i = 1; i < segments.Length; i++)
            {
                if (segments[i - 1] == "properties") segments[i] = Camel(segments[i]);
            }
            action["target"] = string.Join('.', segments);
            if (action["update"] is { } update)
            {
                foreach (var node in OpenApiJson.Descendants(update).OfType<JsonObject>().ToList())
                {
                    if (node["properties"] is JsonObject properties) RenameInPlace(properties);
                    foreach (var key in new[] { "required", RequestBodyRule.CreateRequiredExtension })
                    {
                        if (node[key] is JsonArray fields) node[key] = new JsonArray(fields.Select(f => (JsonNode)Camel(f!.GetValue<string>())).ToArray());
                    }
                }
            }
        }
        return variant;
    }

    [GeneratedRegex(@"^\$\.paths\['(?<path>[^']+)'\]\.(?<method>[a-z]+)\.responses\['200'\]\.content\['application/json'\]\.schema$")]
    private static partial Regex SingleRecordSchema();

    // The variant wraps these answers as {data, meta} (see Document), so a quirk that retypes one retypes its data.
    private static string IntoEnvelope(string target)
    {
        var match = SingleRecordSchema().Match(target);
        if (!match.Success) return target;
        var kind = OperationShape.Of(match.Groups["method"].Value, match.Groups["path"].Value).Kind;
        return kind is OperationKind.Get or OperationKind.Create or OperationKind.Update or OperationKind.Delete ? target + ".properties.data" : target;
    }

    // The same nodes under new keys, so that the walk still reaches the schemas inside them.
    private static void RenameInPlace(JsonObject properties)
    {
        var entries = properties.ToList();
        properties.Clear();
        foreach (var (name, value) in entries) properties[Camel(name)] = value;
    }
}
