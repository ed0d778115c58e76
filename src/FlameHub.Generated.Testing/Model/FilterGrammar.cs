using System.Text.Json.Nodes;

namespace FlameHub.Testing.Model;

/// <summary>What a filter value means: the operator kind and its operands.</summary>
internal sealed record FilterCondition(string Kind, IReadOnlyList<string> Operands);

/// <summary>
/// Reads <c>filter[field]=value</c> values with the release's own grammar, the operators of
/// generator/quirks/hub-&lt;release&gt;/filters.json that the library writes its filters with:
/// each operator's wire form (<c>~{value}</c>, <c>{value}~</c>, <c>!{values}</c>, <c>null</c>) is matched
/// literal parts first, the longest literal first, plain equality last.
/// </summary>
internal sealed class FilterGrammar
{
    private readonly (string Kind, string Prefix, string Suffix, bool List, bool Operand)[] _forms;

    private FilterGrammar((string, string, string, bool, bool)[] forms) => _forms = forms;

    public static FilterGrammar Load()
    {
        var forms = new List<(string, string, string, bool, bool)>();
        foreach (var (kind, node) in EmbeddedData.Quirks("filters")["operators"]?.AsObject() ?? [])
        {
            var wire = node?["wire"]?.GetValue<string>() ?? "";
            // {text}: an operand the Hub matches as text (0.14.0's LIKE forms), {value}: one it may read as a number.
            var list = wire.Contains("{values}", StringComparison.Ordinal);
            var placeholder = list ? "{values}" : wire.Contains("{text}", StringComparison.Ordinal) ? "{text}" : "{value}";
            var at = wire.IndexOf(placeholder, StringComparison.Ordinal);
            forms.Add(at < 0 ? (kind, wire, "", false, false) : (kind, wire[..at], wire[(at + placeholder.Length)..], list, true));
        }
        // Operand-free forms (null, !null) first, then the most literal characters; lists before single values.
        return new FilterGrammar(forms.OrderBy(f => f.Item5).ThenByDescending(f => f.Item2.Length + f.Item3.Length).ThenByDescending(f => f.Item4).ToArray());
    }

    public FilterCondition Parse(string value)
    {
        foreach (var (kind, prefix, suffix, list, operand) in _forms)
        {
            if (!operand)
            {
                if (value == prefix) return new FilterCondition(kind, []);
                continue;
            }
            if (value.Length < prefix.Length + suffix.Length || !value.StartsWith(prefix, StringComparison.Ordinal) || !value.EndsWith(suffix, StringComparison.Ordinal)) continue;
            var inner = value[prefix.Length..(value.Length - suffix.Length)];
            if (list != inner.Contains(',', StringComparison.Ordinal)) continue;
            return new FilterCondition(kind, list ? inner.Split(',') : [inner]);
        }
        return new FilterCondition("Equal", [value]);
    }
}
