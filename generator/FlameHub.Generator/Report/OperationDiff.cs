using System.Text.Json.Nodes;

namespace FlameHub.Generator.Report;

/// <summary>
/// Compares the operations of two documents by method and path: added, removed, and per operation
/// its parameters (by location and name) and its responses (by status code).
/// </summary>
public static class OperationDiff
{
    public static void Compare(JsonObject old, JsonObject @new, ChangeList changes)
    {
        var oldOperations = SwaggerOperations.All(old).ToDictionary(o => o.Key, o => o.Operation, StringComparer.Ordinal);
        var newOperations = SwaggerOperations.All(@new).ToDictionary(o => o.Key, o => o.Operation, StringComparer.Ordinal);
        foreach (var (key, operation) in oldOperations.Where(o => !newOperations.ContainsKey(o.Key)))
        {
            changes.Add(ChangeArea.Operations, ChangeKind.OperationRemoved, key, $"removed{Id(operation)}");
        }
        foreach (var (key, operation) in newOperations.Where(o => !oldOperations.ContainsKey(o.Key)))
        {
            changes.Add(ChangeArea.Operations, ChangeKind.OperationAdded, key, $"added{Id(operation)}");
        }
        foreach (var (key, operation) in oldOperations)
        {
            if (newOperations.TryGetValue(key, out var newOperation)) CompareOne(key, operation, newOperation, changes);
        }
    }

    private static void CompareOne(string key, JsonObject old, JsonObject @new, ChangeList changes)
    {
        var (oldId, newId) = (old["operationId"]?.ToString(), @new["operationId"]?.ToString());
        if (oldId != newId) changes.Add(ChangeArea.Operations, ChangeKind.OperationIdChanged, key, $"operationId `{oldId}` → `{newId}`");

        var comparer = new SchemaComparer(changes, ChangeArea.Operations);
        var (oldParameters, newParameters) = (Parameters(old), Parameters(@new));
        foreach (var (name, parameter) in oldParameters.Where(p => !newParameters.ContainsKey(p.Key)))
        {
            changes.Add(ChangeArea.Operations, ChangeKind.ParameterRemoved, key, $"parameter {name} removed");
        }
        foreach (var (name, parameter) in newParameters.Where(p => !oldParameters.ContainsKey(p.Key)))
        {
            var required = IsRequired(parameter);
            changes.Add(ChangeArea.Operations, required ? ChangeKind.RequiredParameterAdded : ChangeKind.OptionalParameterAdded, key,
                $"parameter {name} added (`{SchemaShape.Describe(Schema(parameter))}`{(required ? ", required" : "")})");
        }
        foreach (var (name, parameter) in oldParameters)
        {
            if (!newParameters.TryGetValue(name, out var newParameter)) continue;
            if (IsRequired(parameter) != IsRequired(newParameter))
            {
                var required = IsRequired(newParameter);
                changes.Add(ChangeArea.Operations, required ? ChangeKind.ParameterNowRequired : ChangeKind.ParameterNowOptional, key,
                    $"parameter {name} {(required ? "now required" : "no longer required")}");
            }
            var (oldType, newType) = (SchemaShape.Describe(Schema(parameter)), SchemaShape.Describe(Schema(newParameter)));
            if (oldType != newType)
            {
                changes.Add(ChangeArea.Operations, ChangeKind.ParameterTypeChanged, key, $"parameter {name} type `{oldType}` → `{newType}`");
            }
            else if (parameter["in"]?.ToString() == "body")
            {
                comparer.Compare($"{key} body", Schema(parameter), Schema(newParameter), SchemaUse.Sent);
            }
        }

        var (oldResponses, newResponses) = (Responses(old), Responses(@new));
        foreach (var code in oldResponses.Keys.Where(c => !newResponses.ContainsKey(c)))
        {
            changes.Add(ChangeArea.Operations, ChangeKind.ResponseRemoved, key, $"response {code} removed");
        }
        foreach (var (code, response) in newResponses.Where(r => !oldResponses.ContainsKey(r.Key)))
        {
            changes.Add(ChangeArea.Operations, ChangeKind.ResponseAdded, key, $"response {code} added (`{SchemaShape.Describe(response?["schema"])}`)");
        }
        foreach (var (code, response) in oldResponses)
        {
            if (!newResponses.TryGetValue(code, out var newResponse)) continue;
            var (oldType, newType) = (SchemaShape.Describe(response?["schema"]), SchemaShape.Describe(newResponse?["schema"]));
            if (oldType != newType)
            {
                changes.Add(ChangeArea.Operations, ChangeKind.ResponseSchemaChanged, key, $"response {code} `{oldType}` → `{newType}`");
            }
            else
            {
                comparer.Compare($"{key} response {code}", response?["schema"], newResponse?["schema"], SchemaUse.Read);
            }
        }
    }

    private static string Id(JsonObject operation) =>
        operation["operationId"]?.ToString() is { } id ? $" (operationId `{id}`)" : "";

    private static SortedDictionary<string, JsonObject> Parameters(JsonObject operation)
    {
        var parameters = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var parameter in (operation["parameters"] as JsonArray ?? []).OfType<JsonObject>())
        {
            parameters[$"`{parameter["name"]}` ({parameter["in"]})"] = parameter;
        }
        return parameters;
    }

    private static SortedDictionary<string, JsonNode?> Responses(JsonObject operation) =>
        new((operation["responses"] as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);

    private static bool IsRequired(JsonObject parameter) => parameter["required"]?.GetValue<bool>() == true;

    // A body parameter carries its type in "schema"; the others carry it on themselves.
    private static JsonNode? Schema(JsonObject parameter) => parameter["in"]?.ToString() == "body" ? parameter["schema"] : parameter;
}
