using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FlameHub.Generator.Report;

/// <summary>
/// Builds the <see cref="ApiModel"/> of a Swagger 2.0 or OpenAPI 3.0/3.1 document. A resource is
/// a path's first segment; its entity is what <c>GET /r/{id}</c>, else <c>GET /r</c>'s items,
/// else <c>POST /r</c> answers, with a <c>{data, meta}</c> envelope looked through.
/// </summary>
public static partial class ApiModelReader
{
    public static ApiModel Read(string service, JsonObject document)
    {
        var schemas = new DocumentSchemas(document);
        var paths = document["paths"] as JsonObject ?? [];
        var operations = new SortedDictionary<string, ApiOperation>(StringComparer.Ordinal);
        var records = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (path, item) in paths)
        {
            if (item is not JsonObject methods) continue;
            foreach (var method in HubDocumentFacts.HttpMethods)
            {
                if (methods[method] is not JsonObject operation) continue;
                var verb = method.ToUpperInvariant();
                var key = verb + " " + NormalizePath(path);
                var mounted = MountedCopy().Match(path);
                var copyOf = mounted.Success && paths[mounted.Groups[1].Value]?[method] is JsonObject
                    ? verb + " " + NormalizePath(mounted.Groups[1].Value)
                    : null;
                var resource = ResourceOf(copyOf is null ? path : mounted.Groups[1].Value);
                var parameters = (methods["parameters"] as JsonArray ?? []).Concat(operation["parameters"] as JsonArray ?? []).OfType<JsonObject>().ToList();
                var (answer, record) = Answer(schemas, verb, path, operation);
                operations[key] = new ApiOperation(verb, path, key, resource, copyOf,
                    Parameters(schemas, parameters), Body(operation, parameters), answer);
                records[key] = record;
            }
        }

        var resources = new SortedDictionary<string, ApiResource>(StringComparer.Ordinal);
        foreach (var group in operations.Values.Where(o => o.MountedCopyOf is null).GroupBy(o => o.Resource))
        {
            var name = group.Key;
            var collection = name == "/" ? "" : "/" + name;
            JsonNode? entity = null;
            foreach (var key in new[] { $"GET {collection}/{{}}", $"GET {collection}", $"POST {collection}" })
            {
                if (records.GetValueOrDefault(key) is { } candidate && schemas.IsObject(candidate))
                {
                    entity = candidate;
                    break;
                }
            }
            resources[name] = new ApiResource(name, entity is null ? null : Fields(schemas, entity), group.Select(o => o.Key).ToList());
        }
        return new ApiModel(service, DocumentSchemas.Text(document["info"]?["version"]), operations, resources, Security(document));
    }

    /// <summary><c>/nodes/{id}/x</c> → <c>/nodes/{}/x</c>: operations match whatever their parameters are called.</summary>
    public static string NormalizePath(string path) => PathParameter().Replace(path, "{}");

    private static string ResourceOf(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(s => !s.StartsWith('{')) ?? "/";

    internal static IReadOnlyList<ApiField> Fields(DocumentSchemas schemas, JsonNode? schema)
    {
        var (properties, required) = schemas.Flatten(schema);
        return properties.Select(p => new ApiField(p.Name, TypeOf(schemas, p.Name, p.Schema), schemas.IsNullable(p.Schema), required.Contains(p.Name),
            (p.Schema as JsonObject)?["deprecated"]?.GetValueKind() == System.Text.Json.JsonValueKind.True, schemas.EnumValues(p.Schema))).ToList();
    }

    // A field named "…_at"/"…At" is a moment however the document types it (date-time, a bare string, TypeORM's
    // property-less Date object): the Hub sends ISO-8601 strings and the package reads them as DateTimeOffset.
    private static string TypeOf(DocumentSchemas schemas, string name, JsonNode? schema)
    {
        var type = schemas.Describe(schema);
        var moment = name.EndsWith("_at", StringComparison.Ordinal) || name.Length > 2 && name.EndsWith("At", StringComparison.Ordinal);
        return moment && type is "string" or "string(date-time)" or "object" && schemas.Flatten(schema).Properties.Count == 0 ? "timestamp" : type;
    }

    private static List<ApiParameter> Parameters(DocumentSchemas schemas, List<JsonObject> parameters) =>
        parameters.Select(p => (In: DocumentSchemas.Text(p["in"]) ?? "", Parameter: p))
            .Where(p => p.In is "path" or "query" or "header")
            .Select(p => new ApiParameter(p.In, DocumentSchemas.Text(p.Parameter["name"]) ?? "",
                schemas.Describe(p.Parameter["schema"] ?? p.Parameter), p.In == "path" || p.Parameter["required"]?.GetValue<bool>() == true))
            .ToList();

    private static ApiBody? Body(JsonObject operation, List<JsonObject> parameters)
    {
        if (parameters.Any(p => DocumentSchemas.Text(p["in"]) == "body")) return new ApiBody("json");
        var form = parameters.Where(p => DocumentSchemas.Text(p["in"]) == "formData").ToList();
        if (form.Count > 0) return new ApiBody(form.Any(p => DocumentSchemas.Text(p["type"]) == "file") ? "multipart" : "form");
        if (operation["requestBody"]?["content"] is not JsonObject content || content.Count == 0) return null;
        foreach (var (media, kind) in new[] { ("application/json", "json"), ("application/x-www-form-urlencoded", "form"), ("multipart/form-data", "multipart") })
        {
            if (content.ContainsKey(media)) return new ApiBody(kind);
        }
        return new ApiBody("binary");
    }

    private static (ApiAnswer Answer, JsonNode? Record) Answer(DocumentSchemas schemas, string verb, string path, JsonObject operation)
    {
        var responses = (operation["responses"] as JsonObject ?? []).Where(r => r.Key.StartsWith('2')).OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        var statuses = responses.Select(r => r.Key).ToList();
        foreach (var (_, response) in responses)
        {
            if (response is not JsonObject r) continue;
            JsonNode? schema;
            if (r.ContainsKey("schema")) schema = r["schema"];
            else if (r["content"] is JsonObject { Count: > 0 } content)
            {
                if (content["application/json"] is not JsonObject json) return (new ApiAnswer(statuses, AnswerShape.Binary), null);
                schema = json["schema"];
            }
            else continue;
            var (shape, record) = Classify(schemas, verb == "GET" && !path.EndsWith('}'), schema);
            var declaredEnvelope = shape == AnswerShape.List && !schemas.Describe(schema).StartsWith("array<", StringComparison.Ordinal);
            return (new ApiAnswer(statuses, shape, declaredEnvelope), record);
        }
        return (new ApiAnswer(statuses, AnswerShape.None), null);
    }

    private static (AnswerShape, JsonNode?) Classify(DocumentSchemas schemas, bool listPath, JsonNode? schema)
    {
        if (schemas.Resolve(schema) is not { } resolved) return (AnswerShape.None, null);
        if (resolved["anyOf"] is JsonArray { Count: > 1 } alternatives)
        {
            // trapi writes some lists as "one of two envelopes"; the answer has a shape if they all agree.
            var shapes = alternatives.Where(a => DocumentSchemas.Text(a?["type"]) != "null").Select(a => Classify(schemas, listPath, a)).ToList();
            return shapes.All(s => s.Item1 == shapes[0].Item1) ? shapes[0] : (AnswerShape.Object, null);
        }
        if (DocumentSchemas.Text(resolved["format"]) == "binary" || DocumentSchemas.Text(resolved["type"]) == "file") return (AnswerShape.Binary, null);
        var description = schemas.Describe(resolved);
        if (description.StartsWith("array<", StringComparison.Ordinal))
        {
            return (listPath && schemas.IsObject(resolved["items"]) ? AnswerShape.List : AnswerShape.Array, resolved["items"]);
        }
        if (!schemas.IsObject(resolved)) return (AnswerShape.Value, null);
        var (properties, _) = schemas.Flatten(resolved);
        if (properties.Count == 2 && properties.Any(p => p.Name == "meta") && properties.FirstOrDefault(p => p.Name == "data") is { Schema: { } data })
        {
            if (schemas.Describe(data).StartsWith("array<", StringComparison.Ordinal))
            {
                return (listPath ? AnswerShape.List : AnswerShape.EnvelopedArray, schemas.Resolve(data)?["items"]);
            }
            return (schemas.IsObject(data) ? AnswerShape.EnvelopedRecord : AnswerShape.Object, data);
        }
        return (AnswerShape.Record, resolved);
    }

    private static List<ApiSecurity> Security(JsonObject document)
    {
        var schemes = document["securityDefinitions"] as JsonObject ?? document["components"]?["securitySchemes"] as JsonObject ?? [];
        var result = new List<ApiSecurity>();
        foreach (var (_, node) in schemes)
        {
            if (node is not JsonObject scheme) continue;
            var type = DocumentSchemas.Text(scheme["type"]);
            var httpScheme = DocumentSchemas.Text(scheme["scheme"])?.ToLowerInvariant();
            if (type == "basic" || type == "http" && httpScheme == "basic") result.Add(new ApiSecurity("HTTP Basic", ""));
            else if (type == "http") result.Add(new ApiSecurity($"HTTP {httpScheme}", ""));
            else if (type == "apiKey") result.Add(new ApiSecurity("API key", $"{DocumentSchemas.Text(scheme["in"])} `{DocumentSchemas.Text(scheme["name"])}`"));
            else if (type == "oauth2")
            {
                var flows = scheme["flows"] as JsonObject is { } declared
                    ? declared.Select(f => (Flow: f.Key, Node: f.Value as JsonObject))
                    : [(Flow: DocumentSchemas.Text(scheme["flow"]) ?? "", Node: scheme)];
                foreach (var (flow, flowNode) in flows)
                {
                    var tokenUrl = DocumentSchemas.Text(flowNode?["tokenUrl"])?.TrimStart('/');
                    result.Add(new ApiSecurity($"OAuth2 grant `{Grant(flow)}`", tokenUrl is null ? "" : $"token URL `{tokenUrl}`"));
                }
            }
            else result.Add(new ApiSecurity(type ?? "unknown", ""));
        }
        return result.DistinctBy(s => s.Kind).OrderBy(s => s.Kind, StringComparer.Ordinal).ToList();
    }

    // Swagger 2.0 and OpenAPI 3 name the OAuth2 flows differently; the grant types of RFC 6749 name them once.
    private static string Grant(string flow) => flow switch
    {
        "application" or "clientCredentials" => "client_credentials",
        "accessCode" or "authorizationCode" => "authorization_code",
        _ => flow,
    };

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex PathParameter();

    [GeneratedRegex(@"^/realms/\{[^}]+\}(/.+)$")]
    private static partial Regex MountedCopy();
}
