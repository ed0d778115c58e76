using System.Text.Json.Nodes;
using FlameHub.Generator.Rules;

namespace FlameHub.Generator.Normalize;

/// <summary>
/// Renames every schema of a converted document after its role, so that no public type name
/// comes from the document generator (trapi 1 writes <c>EntityCollectionResponseNode</c>, trapi 2
/// other names for the same schema). Runs before the quirks and the rules, which then see role
/// names only. In order, each step naming only what is still unnamed:
/// <list type="number">
/// <item>The entity of a collection (what its get, list, create, update or delete answer, inside a
/// <c>{data, meta}</c> envelope or not) is the collection's singular: <c>/nodes</c> → <c>Node</c>.
/// A schema several collections serve is named after those of them that have items
/// (<c>/users</c> rather than <c>/userinfo</c>), by the words their singulars end with
/// (<c>/analysis-logs</c>, <c>/analysis-node-logs</c> → <c>Log</c>).</item>
/// <item>An envelope is its record's name and <c>Record</c> (or <c>List</c>); both vanish when the
/// rules unwrap them.</item>
/// <item>In core and storage, a schema that is the same as one of auth's (same served name and
/// content, as served or with its compositions merged) takes auth's role name, so that it stays one
/// shared type; two that auth merged into one (copies of its entity) are that one type.</item>
/// <item>What an operation sends or answers is named after the operation: an action's answer by
/// its path words (<c>/nodes/{id}/registry/credentials</c> → <c>RegistryCredentials</c>,
/// <c>/.well-known/openid-configuration</c> → <c>WellKnownOpenidConfiguration</c>), the
/// service status at <c>GET /</c> <c>Status</c>, a request body <c>{Operation}Request</c>.</item>
/// <item>An action's body field that repeats the action's last word is what the action acts on, named
/// without the verb: <c>POST /analyses/{id}/command</c> (<c>RunAnalysisCommand</c>) <c>{command}</c> →
/// <c>AnalysisCommand</c>.</item>
/// <item>Anything else is named by an owner and its property, outward from the entities: of
/// the names its owners give it the shortest (<c>MasterImage.commandArguments[]</c> →
/// <c>MasterImageCommandArgument</c>, not <c>AnalysisImageCommandArgument</c>).</item>
/// </list>
/// An object or a union written inline inside one of these is hoisted and named the same way
/// (<c>WellKnownOpenidConfiguration.mtls_endpoint_aliases</c> →
/// <c>WellKnownOpenidConfigurationMtlsEndpointAliases</c>). Unreferenced schemas are dropped. A composition of object parts (<c>allOf</c> of two or more
/// objects, an open one without properties among them) is merged into one object first, so its parts need no names, a component that is
/// only a reference to another is that other, and a copy of an entity is that entity (<see cref="EntityCopies"/>).
/// </summary>
public static class SchemaRoleNames
{
    /// <summary>Renames <paramref name="document"/>'s schemas in place and returns served name → role name.</summary>
    public static IReadOnlyDictionary<string, string> Apply(
        JsonObject document, JsonObject? authServed = null, IReadOnlyDictionary<string, string>? authNames = null)
    {
        var schemas = OpenApiJson.Schemas(document);
        CollapseAliases(document, schemas);
        MergeCompositions(schemas);
        var copies = EntityCopies.Merge(document, schemas);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        void Name(string served, string role)
        {
            if (names.ContainsKey(served) || !schemas.ContainsKey(served)) return;
            var unique = role;
            for (var i = 2; !taken.Add(unique); i++) unique = role + i;
            names[served] = unique;
        }

        var operations = OpenApiJson.Operations(document).OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal).ToList();

        // 1. Entities, 2. envelopes.
        var collectionsOf = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var envelopes = new List<(string Envelope, string Record, bool List)>();
        foreach (var op in operations.Where(o => o.Shape.Kind is not (OperationKind.Root or OperationKind.Action)))
        {
            foreach (var schema in SuccessSchemas(op))
            {
                if (Record(schemas, schema) is not { } record) continue;
                if (!collectionsOf.TryGetValue(record.Name, out var set)) collectionsOf[record.Name] = set = new(StringComparer.Ordinal);
                set.Add(op.Shape.Collection!);
                if (record.Envelope is { } envelope) envelopes.Add((envelope, record.Name, record.List));
            }
        }
        // A collection with items (/users/{id}) names its entity before one without (/userinfo).
        var withItems = operations.Where(o => o.Shape.HasItemId && o.Shape.Rest.Count == 0).Select(o => o.Shape.Collection!).ToHashSet(StringComparer.Ordinal);
        foreach (var (served, collections) in collectionsOf.OrderBy(c => c.Value.Min, StringComparer.Ordinal))
        {
            var resources = collections.Where(withItems.Contains).ToList();
            Name(served, EntityName(resources.Count > 0 ? resources : collections));
        }
        foreach (var (envelope, record, list) in envelopes.OrderBy(e => names[e.Record], StringComparer.Ordinal).ThenBy(e => e.List))
        {
            Name(envelope, names[record] + (list ? "List" : "Record"));
        }

        // 3. Auth's types repeated in core and storage, as served or with their compositions merged. Two
        // of them that auth merged into one type (copies of its entity) are that one type here too.
        if (authServed is not null && authNames is not null)
        {
            var authSchemas = OpenApiJson.Schemas(authServed);
            var authMerged = (JsonObject)authSchemas.DeepClone();
            MergeCompositions(authMerged);
            var twins = new Dictionary<string, string>(StringComparer.Ordinal);
            var servedOf = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (served, schema) in schemas.OrderBy(s => authNames.GetValueOrDefault(s.Key) ?? "", StringComparer.Ordinal).ToList())
            {
                if (!authNames.TryGetValue(served, out var role) || schema is null) continue;
                if (!JsonNode.DeepEquals(authSchemas[served], schema) && !JsonNode.DeepEquals(authMerged[served], schema)) continue;
                if (servedOf.TryGetValue(role, out var first)) twins[served] = first;
                else
                {
                    servedOf[role] = served;
                    Name(served, role);
                }
            }
            foreach (var twin in twins.Keys) schemas.Remove(twin);
            SchemaReferences.Rename(document, twins);
        }

        // 4. What operations send and answer.
        foreach (var op in operations)
        {
            var operationName = Words.Pascal(OperationNamingRule.NameOf(op.Shape));
            foreach (var schema in SuccessSchemas(op))
            {
                var target = Record(schemas, schema) is { } record ? record.Name : OpenApiJson.RefName(schema);
                if (target is null) continue;
                Name(target, op.Shape.Kind == OperationKind.Root ? "Status" : ActionWords(op.Shape) is { Length: > 0 } words ? words : operationName + "Response");
                if (Record(schemas, schema) is { Envelope: { } envelope } wrapped && names.TryGetValue(wrapped.Name, out var recordName))
                {
                    Name(envelope, recordName + (wrapped.List ? "List" : "Record"));
                }
            }
            foreach (var (_, media) in op.Node["requestBody"]?["content"] as JsonObject ?? [])
            {
                if (OpenApiJson.RefName(media?["schema"]) is { } body) Name(body, operationName + "Request");
            }
        }

        // 4b. An action's body field that repeats what the action acts on is named without the verb.
        foreach (var op in operations.Where(o => o.Shape.Kind == OperationKind.Action))
        {
            var operationName = Words.Pascal(OperationNamingRule.NameOf(op.Shape));
            foreach (var (_, media) in op.Node["requestBody"]?["content"] as JsonObject ?? [])
            {
                var body = OpenApiJson.RefName(media?["schema"]) is { } bodyName ? schemas[bodyName] : media?["schema"];
                foreach (var (property, node) in (body?["properties"] as JsonObject ?? []).OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if ((OpenApiJson.RefName(node) ?? OpenApiJson.RefName(node?["allOf"]?[0])) is { } field && ObjectOf(operationName, property) is { } role && !taken.Contains(role)) Name(field, role);
                }
            }
        }

        // 5. By owner and property; inline bodies and answers are owners too.
        var pending = new SortedDictionary<string, List<JsonNode>>(StringComparer.Ordinal);
        foreach (var op in operations)
        {
            var operationName = Words.Pascal(OperationNamingRule.NameOf(op.Shape));
            foreach (var (_, media) in op.Node["requestBody"]?["content"] as JsonObject ?? []) Add(pending, operationName + "Request", media?["schema"]);
            foreach (var schema in SuccessSchemas(op)) Add(pending, operationName + "Response", schema);
            foreach (var parameter in (op.Node["parameters"] as JsonArray ?? []).OfType<JsonObject>())
            {
                Add(pending, operationName + Words.Pascal(parameter["name"]?.GetValue<string>() ?? ""), parameter["schema"]);
            }
        }
        // Entities first, so that a type they hold is named after them rather than after a body.
        var entities = new SortedDictionary<string, List<JsonNode>>(StringComparer.Ordinal);
        foreach (var (served, role) in names) Add(collectionsOf.ContainsKey(served) ? entities : pending, role, schemas[served]);
        NameReferenced(entities);
        NameReferenced(pending);

        // In rounds, outward from what is named: a schema several owners hold takes the shortest of
        // the names they give it (MasterImage.commandArguments[] beats Analysis.imageCommandArguments[]).
        void NameReferenced(SortedDictionary<string, List<JsonNode>> queue)
        {
            while (queue.Count > 0)
            {
                var next = new SortedDictionary<string, List<JsonNode>>(StringComparer.Ordinal);
                var candidates = new Dictionary<string, List<string>>(StringComparer.Ordinal);
                foreach (var (owner, nodes) in queue)
                {
                    foreach (var node in nodes)
                    {
                        foreach (var (path, inline) in Inline(node).ToList())
                        {
                            var key = Hoist(owner + path, inline);
                            Add(next, names[key], schemas[key]);
                        }
                        foreach (var (path, served) in References(node))
                        {
                            if (names.ContainsKey(served) || !schemas.ContainsKey(served)) continue;
                            if (!candidates.TryGetValue(served, out var list)) candidates[served] = list = [];
                            list.Add(owner + path);
                        }
                    }
                }
                var chosen = candidates
                    .Select(c => (Served: c.Key, Options: c.Value.Distinct()
                        .OrderBy(o => queue.ContainsKey(o) ? 1 : 0) // a part of its owner's composition is no better name than the owner's
                        .ThenBy(o => o.Length).ThenBy(o => o, StringComparer.Ordinal).ToList()))
                    .OrderBy(c => c.Options[0], StringComparer.Ordinal)
                    .ThenBy(c => string.Join(' ', c.Options), StringComparer.Ordinal);
                foreach (var (served, options) in chosen)
                {
                    Name(served, options[0]);
                    Add(next, names[served], schemas[served]);
                }
                queue = next;
            }
        }

        // A nested object or union (a property's own {…}, anyOf) gets a name too, instead of NSwag's from the property.
        string Hoist(string role, JsonObject inline)
        {
            var key = HoistedPrefix + role;
            schemas[key] = inline.DeepClone();
            Name(key, role);
            var nullable = inline["nullable"]?.GetValue<bool>() == true;
            var description = inline["description"]?.DeepClone();
            inline.Clear();
            if (nullable || description is not null)
            {
                inline["allOf"] = new JsonArray(OpenApiJson.Ref(key));
                if (nullable) inline["nullable"] = true;
                if (description is not null) inline["description"] = description;
            }
            else
            {
                inline["$ref"] = OpenApiJson.SchemaPrefix + key;
            }
            return key;
        }

        // Renamed all at once: a role name may be another schema's served name.
        var renamed = new List<(string Name, JsonNode? Schema)>();
        foreach (var (served, schema) in schemas.ToList())
        {
            schemas.Remove(served);
            if (names.TryGetValue(served, out var role)) renamed.Add((role, schema));
        }
        foreach (var (role, schema) in renamed.OrderBy(r => r.Name, StringComparer.Ordinal)) schemas[role] = schema;
        SchemaReferences.Rename(document, names);
        // A merged copy's served name is its type's too: core's twin of an auth type may carry it.
        foreach (var (copy, kept) in copies)
        {
            if (names.TryGetValue(kept, out var role)) names[copy] = role;
        }
        return names;
    }

    private static void Add(SortedDictionary<string, List<JsonNode>> pending, string owner, JsonNode? node)
    {
        if (node is null) return;
        if (!pending.TryGetValue(owner, out var list)) pending[owner] = list = [];
        list.Add(node);
    }

    /// <summary>
    /// The schemas a node refers to and the words that say where: a property adds its name, an
    /// array's items the singular, a composition or a nullable wrapper nothing. Properties come
    /// in name order, so the result does not depend on the served order.
    /// </summary>
    private static IEnumerable<(string Path, string Served)> References(JsonNode node, string path = "")
    {
        if (node is not JsonObject schema) yield break;
        if (OpenApiJson.RefName(schema) is { } name)
        {
            yield return (path, name);
            yield break;
        }
        foreach (var (property, child) in (schema["properties"] as JsonObject ?? []).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var r in References(child!, path + Words.Pascal(SchemaNamingRule.DotNetName(property)))) yield return r;
        }
        if (schema["items"] is { } items)
        {
            foreach (var r in References(items, Words.Singular(path))) yield return r;
        }
        if (schema["additionalProperties"] is JsonObject values)
        {
            foreach (var r in References(values, path + "Value")) yield return r;
        }
        foreach (var keyword in new[] { "allOf", "anyOf", "oneOf" })
        {
            foreach (var part in schema[keyword] as JsonArray ?? [])
            {
                foreach (var r in References(part!, path)) yield return r;
            }
        }
    }

    private const string HoistedPrefix = "\u0001hoisted ";

    /// <summary>
    /// The objects with properties and the unions (<c>anyOf</c>, <c>oneOf</c>) written inline below
    /// <paramref name="node"/>'s own level, with the words that say where; not below one of them
    /// (that one's own walk finds those).
    /// </summary>
    private static IEnumerable<(string Path, JsonObject Inline)> Inline(JsonNode node, string path = "", bool top = true)
    {
        if (node is not JsonObject schema || schema.ContainsKey("$ref")) yield break;
        if (!top && (schema["properties"] is JsonObject { Count: > 0 } || schema.ContainsKey("anyOf") || schema.ContainsKey("oneOf")))
        {
            yield return (path, schema);
            yield break;
        }
        foreach (var (property, child) in (schema["properties"] as JsonObject ?? []).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var i in Inline(child!, path + Words.Pascal(SchemaNamingRule.DotNetName(property)), false)) yield return i;
        }
        if (schema["items"] is { } items)
        {
            foreach (var i in Inline(items, Words.Singular(path), false)) yield return i;
        }
        if (schema["additionalProperties"] is JsonObject values)
        {
            foreach (var i in Inline(values, path + "Value", false)) yield return i;
        }
        // The parts of a composition at this level are this schema's own (a nullable wrapper holds a reference).
        foreach (var part in schema["allOf"] as JsonArray ?? [])
        {
            foreach (var i in Inline(part!, path, true)) yield return i;
        }
    }

    /// <summary>The JSON schemas of an operation's 2xx answers.</summary>
    internal static IEnumerable<JsonObject> SuccessSchemas(Operation op) =>
        (op.Node["responses"] as JsonObject ?? [])
            .Where(r => r.Key.StartsWith('2'))
            .Select(r => OpenApiJson.JsonContentSchema(r.Value))
            .OfType<JsonObject>();

    /// <summary>The record schema an answer carries: a reference, an array of references, or either inside a <c>{data, meta}</c> envelope (named or inline).</summary>
    internal static (string Name, string? Envelope, bool List)? Record(JsonObject schemas, JsonObject schema)
    {
        var envelopeName = OpenApiJson.RefName(schema);
        var body = envelopeName is null ? schema : schemas[envelopeName] as JsonObject;
        if (body?["properties"] is JsonObject { Count: 2 } properties && properties.ContainsKey("meta") && properties["data"] is JsonObject data)
        {
            if (RecordRef(data) is { } record) return (record, envelopeName, false);
            if (data["type"]?.GetValue<string>() == "array" && RecordRef(data["items"]) is { } item) return (item, envelopeName, true);
            return null;
        }
        if (envelopeName is not null) return schemas[envelopeName]?["properties"] is not null ? (envelopeName, null, false) : null;
        return schema["type"]?.GetValue<string>() == "array" && RecordRef(schema["items"]) is { } items ? (items, null, true) : null;
    }

    private static string? RecordRef(JsonNode? node) => OpenApiJson.RefName(node) ?? OpenApiJson.RefName(node?["allOf"]?[0]);

    /// <summary><c>nodes</c> → <c>Node</c>; several collections → the words their singulars end with, else the first one's.</summary>
    private static string EntityName(IReadOnlyCollection<string> collections)
    {
        var words = collections.Select(c => Words.Split(Words.Singular(c))).ToList();
        var shared = 0;
        while (words.All(w => w.Count > shared) && words.Select(w => w[^(shared + 1)]).Distinct().Count() == 1) shared++;
        var chosen = collections.Count > 1 && shared > 0 ? words[0].Skip(words[0].Count - shared) : words[0];
        return string.Concat(chosen.Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
    }

    /// <summary>
    /// What an operation acts on when its body's field says it again: <c>RunAnalysisCommand</c>'s
    /// <c>command</c> → <c>AnalysisCommand</c> (the operation's words without its verb), rather than
    /// <c>RunAnalysisCommandRequestCommand</c>. Null when the field is something else, or nothing is left.
    /// </summary>
    private static string? ObjectOf(string operationName, string property)
    {
        var field = Words.Pascal(SchemaNamingRule.DotNetName(property));
        var words = Words.Split(operationName);
        if (!operationName.EndsWith(field, StringComparison.Ordinal) || words.Count < 3) return null;
        return string.Concat(words.Skip(1).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
    }

    /// <summary>
    /// An action's literal path words after the collection and id, singular last word kept as served:
    /// <c>client/credentials</c> → <c>ClientCredentials</c>. A well-known location is no collection, so
    /// its words count from the start: <c>/.well-known/openid-configuration</c> and
    /// <c>/realms/{id}/.well-known/openid-configuration</c> both answer a <c>WellKnownOpenidConfiguration</c>.
    /// </summary>
    private static string? ActionWords(OperationShape shape)
    {
        if (shape.Kind != OperationKind.Action) return null;
        var segments = shape.Collection is ['.', ..] ? [shape.Collection, .. shape.Rest] : shape.Rest;
        var literals = segments.Where(s => !OperationShape.IsParameter(s)).ToList();
        return literals.Count < 2 ? null : string.Concat(literals.Select(Words.Pascal));
    }

    /// <summary>A component that is only a reference to another (<c>BucketFileCreationFinishedEventPayload</c> → <c>OmitBucketFile.bucket</c>) is that other: references move to it.</summary>
    private static void CollapseAliases(JsonObject document, JsonObject schemas)
    {
        string Target(string name)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (schemas[name] is JsonObject { Count: 1 } alias && OpenApiJson.RefName(alias) is { } next && seen.Add(name)) name = next;
            return name;
        }
        var aliases = schemas.Where(s => s.Value is JsonObject { Count: 1 } o && OpenApiJson.RefName(o) is not null)
            .ToDictionary(s => s.Key, s => Target(s.Key), StringComparer.Ordinal);
        if (aliases.Count == 0) return;
        SchemaReferences.Rename(document, aliases);
        foreach (var alias in aliases.Keys) schemas.Remove(alias);
    }

    /// <summary>
    /// A component that is <c>allOf</c> two or more object parts becomes one object with all their
    /// properties. An object part without properties (trapi's <c>&amp; {[key: string]: unknown}</c>,
    /// <c>{type: object, additionalProperties: …}</c>) adds none.
    /// </summary>
    private static void MergeCompositions(JsonObject schemas)
    {
        foreach (var (_, node) in schemas.ToList())
        {
            if (node is not JsonObject schema || schema["allOf"] is not JsonArray { Count: >= 2 } parts || schema["nullable"]?.GetValue<bool>() == true) continue;
            var resolved = parts.Select(p => OpenApiJson.RefName(p) is { } r ? schemas[r] as JsonObject : p as JsonObject).ToList();
            if (!resolved.All(IsObjectPart)) continue;
            var properties = new JsonObject();
            var required = new List<string>();
            foreach (var part in resolved)
            {
                foreach (var (name, property) in part!["properties"] as JsonObject ?? []) properties[name] = property?.DeepClone();
                required.AddRange(OpenApiJson.RequiredOf(part));
            }
            schema.Remove("allOf");
            schema["type"] = "object";
            schema["properties"] = properties;
            OpenApiJson.SetRequired(schema, required);
        }
    }

    private static bool IsObjectPart(JsonObject? part) =>
        part is not null && !part.ContainsKey("allOf")
        && (part["properties"] is JsonObject || (part["type"]?.GetValue<string>() == "object" && !part.ContainsKey("oneOf") && !part.ContainsKey("anyOf")));
}
