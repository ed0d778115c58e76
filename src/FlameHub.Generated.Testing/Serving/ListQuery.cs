using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FlameHub.Testing.Model;

namespace FlameHub.Testing.Serving;

/// <summary>The rapiq query of a list request: <c>filter[field]</c>, <c>sort</c>, <c>page[limit]</c>, <c>page[offset]</c>, <c>include</c>, <c>fields</c>.</summary>
internal sealed class ListQuery
{
    public List<(string Field, FilterCondition Condition)> Filters { get; } = [];

    public List<(string Field, bool Descending)> Sort { get; } = [];

    public int? Limit { get; private set; }

    public int Offset { get; private set; }

    public List<string>? Include { get; private set; }

    /// <summary>Whether the request named <c>page[limit]</c> or <c>page[offset]</c>.</summary>
    public bool Paged { get; private set; }

    /// <summary><c>fields=id,name</c>: only these; <c>fields=+email</c>: the default ones and these; <c>-x</c>: the default ones but these.</summary>
    public List<string> Fields { get; } = [];

    public static ListQuery Parse(string query, FilterGrammar grammar)
    {
        var result = new ListQuery();
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=');
            var key = Uri.UnescapeDataString((at < 0 ? pair : pair[..at]).Replace('+', ' '));
            var value = at < 0 ? "" : Uri.UnescapeDataString(pair[(at + 1)..].Replace('+', ' '));
            if (key.StartsWith("filter[", StringComparison.Ordinal) && key.EndsWith(']'))
                result.Filters.Add((key["filter[".Length..^1], grammar.Parse(value)));
            else if (key == "sort")
                result.Sort.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => s.StartsWith('-') ? (s[1..], true) : (s.TrimStart('+'), false)));
            else if (key == "page[limit]" && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit))
                (result.Limit, result.Paged) = (limit, true);
            else if (key == "page[offset]" && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
                (result.Offset, result.Paged) = (offset, true);
            else if (key == "fields")
                result.Fields.AddRange(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            else if (key == "include")
                result.Include = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries)];
        }
        return result;
    }

    /// <summary>
    /// Whether <paramref name="entity"/> passes every filter; a filter on a field the entity does not
    /// have is left out, as rapiq drops unknown keys. <c>relation.field</c> filters on the related entity
    /// <paramref name="related"/> finds (hub-api-notes.md: <c>filter[realm.name]=x</c>); none matches no value.
    /// </summary>
    public bool Matches(JsonObject entity, SchemaModel schema, Func<JsonObject, string, (JsonObject? Entity, SchemaModel Schema)?>? related = null)
    {
        foreach (var (key, condition) in Filters)
        {
            var (target, targetSchema, field) = (entity, schema, key);
            var dot = key.IndexOf('.', StringComparison.Ordinal);
            if (dot > 0)
            {
                if (schema.ByName(key[..dot])?.IncludedSchema is null || related?.Invoke(entity, key[..dot]) is not { } relation) continue;
                if (relation.Entity is null) return false;
                (target, targetSchema, field) = (relation.Entity, relation.Schema, key[(dot + 1)..]);
            }
            if (targetSchema.ByName(field) is null) continue;
            var value = Text(target[field]);
            var pass = condition.Kind switch
            {
                "Equal" => value == condition.Operands[0],
                "NotEqual" => value != condition.Operands[0],
                "In" => condition.Operands.Contains(value),
                "NotIn" => !condition.Operands.Contains(value),
                "IsNull" => value is null,
                "IsNotNull" => value is not null,
                "StartsWith" => value?.StartsWith(condition.Operands[0], StringComparison.OrdinalIgnoreCase) == true,
                "NotStartsWith" => value?.StartsWith(condition.Operands[0], StringComparison.OrdinalIgnoreCase) != true,
                "EndsWith" => value?.EndsWith(condition.Operands[0], StringComparison.OrdinalIgnoreCase) == true,
                "NotEndsWith" => value?.EndsWith(condition.Operands[0], StringComparison.OrdinalIgnoreCase) != true,
                "Contains" => value?.Contains(condition.Operands[0], StringComparison.OrdinalIgnoreCase) == true,
                "NotContains" => value?.Contains(condition.Operands[0], StringComparison.OrdinalIgnoreCase) != true,
                "LessThan" => Compare(value, condition.Operands[0]) < 0,
                "LessOrEqual" => Compare(value, condition.Operands[0]) <= 0,
                "GreaterThan" => Compare(value, condition.Operands[0]) > 0,
                "GreaterOrEqual" => Compare(value, condition.Operands[0]) >= 0,
                _ => true,
            };
            if (!pass) return false;
        }
        return true;
    }

    /// <summary>
    /// The fields of <paramref name="entity"/> a read answers: the asked ones, or all but the
    /// release's hidden ones (<paramref name="hidden"/>) with those asked for by <c>+name</c> and
    /// without those by <c>-name</c>. Embedded relations stay.
    /// </summary>
    public JsonObject Select(JsonObject entity, SchemaModel schema, IReadOnlyCollection<string> hidden)
    {
        var only = Fields.Where(f => f[0] is not ('+' or '-')).ToHashSet(StringComparer.Ordinal);
        var added = Fields.Where(f => f[0] == '+').Select(f => f[1..]).ToHashSet(StringComparer.Ordinal);
        var removed = Fields.Where(f => f[0] == '-').Select(f => f[1..]).ToHashSet(StringComparer.Ordinal);
        bool Keep(string name) =>
            schema.ByName(name)?.IncludedSchema is not null
            || (only.Count > 0 ? only.Contains(name) : (!hidden.Contains(name) || added.Contains(name)) && !removed.Contains(name));
        var copy = new JsonObject();
        foreach (var (name, value) in entity)
        {
            if (Keep(name)) copy[name] = value?.DeepClone();
        }
        return copy;
    }

    public IEnumerable<JsonObject> Sorted(IEnumerable<JsonObject> entities, SchemaModel schema)
    {
        IOrderedEnumerable<JsonObject>? ordered = null;
        foreach (var (field, descending) in Sort.Where(s => schema.ByName(s.Field) is not null))
        {
            Func<JsonObject, JsonNode?> key = e => e[field];
            ordered = ordered is null
                ? descending ? entities.OrderByDescending(key, NodeComparer.Instance) : entities.OrderBy(key, NodeComparer.Instance)
                : descending ? ordered.ThenByDescending(key, NodeComparer.Instance) : ordered.ThenBy(key, NodeComparer.Instance);
        }
        return ordered ?? entities;
    }

    // Query values are text: true/false and numbers compare as their JSON text.
    public static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    private static int Compare(string? value, string operand) =>
        value is null ? -1
        : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var a) && double.TryParse(operand, NumberStyles.Float, CultureInfo.InvariantCulture, out var b)
            ? a.CompareTo(b)
            : string.CompareOrdinal(value, operand);

    private sealed class NodeComparer : IComparer<JsonNode?>
    {
        public static readonly NodeComparer Instance = new();

        public int Compare(JsonNode? x, JsonNode? y)
        {
            if (x is null || y is null) return x is null ? (y is null ? 0 : -1) : 1;
            if (x.GetValueKind() == JsonValueKind.Number && y.GetValueKind() == JsonValueKind.Number)
                return x.GetValue<double>().CompareTo(y.GetValue<double>());
            return string.CompareOrdinal(Text(x), Text(y));
        }
    }
}
