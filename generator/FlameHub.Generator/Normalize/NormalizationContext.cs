using System.Text.Json.Nodes;

namespace FlameHub.Generator.Normalize;

/// <summary>What a rule works on: one service's document, and what it may need of the others.</summary>
public sealed class NormalizationContext(
    string service, JsonObject document, IReadOnlyDictionary<string, JsonObject> served, IReadOnlyDictionary<string, JsonObject>? normalized = null)
{
    public string Service { get; } = service;

    /// <summary>The document being normalized, in OpenAPI 3.0 form; rules change it in place.</summary>
    public JsonObject Document { get; } = document;

    /// <summary>All services' documents as converted, before quirks and rules: for rules that compare services.</summary>
    public IReadOnlyDictionary<string, JsonObject> Served { get; } = served;

    /// <summary>The services normalized before this one (auth comes first).</summary>
    public IReadOnlyDictionary<string, JsonObject> Normalized { get; } = normalized ?? new Dictionary<string, JsonObject>();

    public IEnumerable<Operation> Operations => OpenApiJson.Operations(Document);

    public JsonObject Schemas => OpenApiJson.Schemas(Document);

    /// <summary>
    /// Singular names of every resource collection of every service, as words joined by
    /// <c>_</c> (<c>realm</c>, <c>node</c>, <c>master_image</c>): the stems a foreign key may have.
    /// </summary>
    public IReadOnlySet<string> EntityStems => _entityStems ??= Served.Values
        .SelectMany(OpenApiJson.Operations)
        .Where(o => o.Shape.Kind is OperationKind.List or OperationKind.Get)
        .Select(o => Words.SnakeSingular(o.Shape.Collection!))
        .ToHashSet(StringComparer.Ordinal);

    private IReadOnlySet<string>? _entityStems;

    /// <summary>How this service's document spells field names, judged from its schemas as served.</summary>
    public FieldStyle FieldStyle => _fieldStyle ??= Words.StyleOf(
        OpenApiJson.Descendants((Served.GetValueOrDefault(Service) ?? Document)["components"]?["schemas"])
            .OfType<JsonObject>()
            .SelectMany(o => o["properties"] as JsonObject ?? [])
            .Select(p => p.Key));

    private FieldStyle? _fieldStyle;

    /// <summary>A field name in this document's style: <c>created</c>, <c>at</c> → <c>created_at</c> or <c>createdAt</c>.</summary>
    public string WireName(params IEnumerable<string> words) => Words.Spell(words, FieldStyle);

    /// <summary>
    /// The entity schema a collection serves: what its single get returns, else its create, else
    /// the items of its list. Null when the collection returns nothing by reference.
    /// </summary>
    public string? EntityOf(string collection)
    {
        var ops = Operations.Where(o => o.Shape.Collection == collection).ToList();
        foreach (var kind in new[] { OperationKind.Get, OperationKind.Create, OperationKind.List })
        {
            var op = ops.FirstOrDefault(o => o.Shape.Kind == kind);
            if (op is null || OpenApiJson.SuccessResponse(op.Node) is not { } success) continue;
            var schema = OpenApiJson.JsonContentSchema(success.Response);
            // Through a {data, meta} envelope, declared inline or by reference.
            var envelope = OpenApiJson.RefName(schema) is { } envelopeName && Schemas[envelopeName] is JsonObject named
                && named["properties"] is JsonObject { Count: 2 } p && p.ContainsKey("meta") && p.ContainsKey("data") ? named : schema;
            var name = OpenApiJson.RefName(envelope?["properties"]?["data"]?["items"]) ?? OpenApiJson.RefName(envelope?["properties"]?["data"])
                ?? OpenApiJson.RefName(schema) ?? OpenApiJson.RefName(schema?["items"]);
            if (name is not null) return name;
        }
        return null;
    }
}
