using System.Text.Json.Nodes;
using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Rules;

/// <summary>
/// Lists take rapiq's <c>filter[field]</c>, <c>page[limit]</c>/<c>page[offset]</c>,
/// <c>sort</c>, <c>include</c> and <c>fields</c>; a single get takes <c>include</c> and
/// <c>fields</c>. The includable relations are listed on the operation for the client to use.
/// The page is declared as its two wire parameters, not as a <c>deepObject</c> of a schema,
/// because NSwag makes a class of every schema a parameter names and the client's queries are
/// <c>FindOptions</c>, not generated types.
/// </summary>
public sealed class QueryParameterRule : INormalizationRule
{
    public const string IncludesExtension = "x-flamehub-includes";

    public void Apply(NormalizationContext context)
    {
        foreach (var op in context.Operations.Where(o => KindOf(o) is "list" or "get"))
        {
            var parameters = op.Node["parameters"] as JsonArray ?? (JsonArray)(op.Node["parameters"] = new JsonArray());
            var isList = KindOf(op) == "list";
            if (isList)
            {
                Add(parameters, DeepObject("filter", "Filters by field: filter[name]=value, with rapiq's operator prefixes.",
                    new JsonObject { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["type"] = "string" } }));
                Add(parameters, Integer("page[limit]", "Page size, at most 50."));
                Add(parameters, Integer("page[offset]", "How many records to skip."));
                Add(parameters, CommaList("sort", "Sort keys; a leading '-' sorts descending."));
            }
            Add(parameters, CommaList("include", "Relations to embed."));
            Add(parameters, CommaList("fields", "Fields to return; '+field' adds one not returned by default."));

            var entity = context.EntityOf(op.Shape.Collection!);
            var relations = RelationRule.RelationsOf(entity is null ? null : context.Schemas[entity] as JsonObject);
            op.Node[IncludesExtension] = new JsonArray(relations.Select(r => (JsonNode)r).ToArray());
        }
    }

    /// <summary>The kind <see cref="OperationNamingRule"/> gave (a collection read answering one object is no list), else the path's.</summary>
    private static string KindOf(Operation op) =>
        op.Node[OperationNamingRule.KindExtension]?.GetValue<string>() ?? Words.Camel(op.Shape.Kind.ToString());

    private static void Add(JsonArray parameters, JsonObject parameter)
    {
        var name = parameter["name"]!.GetValue<string>();
        if (!parameters.OfType<JsonObject>().Any(p => p["name"]?.GetValue<string>() == name && p["in"]?.GetValue<string>() == "query"))
        {
            parameters.Add(parameter);
        }
    }

    private static JsonObject DeepObject(string name, string description, JsonObject schema) => new()
    {
        ["name"] = name,
        ["in"] = "query",
        ["description"] = description,
        ["style"] = "deepObject",
        ["explode"] = true,
        ["schema"] = schema,
    };

    private static JsonObject Integer(string name, string description) => new()
    {
        ["name"] = name,
        ["in"] = "query",
        ["description"] = description,
        ["schema"] = new JsonObject { ["type"] = "integer", ["format"] = "int32", ["minimum"] = 0 },
    };

    private static JsonObject CommaList(string name, string description) => new()
    {
        ["name"] = name,
        ["in"] = "query",
        ["description"] = description,
        ["style"] = "form",
        ["explode"] = false,
        ["schema"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
    };
}
