using System.Text.Json.Nodes;

namespace FlameHub.Generator.Facts;

/// <summary>One filter condition as a release writes it: the text before and after the operand.</summary>
/// <param name="Kind">A member of the library's <c>FilterKind</c>.</param>
/// <param name="Prefix">What precedes the operand (or, for a kind without one, the whole value).</param>
/// <param name="Suffix">What follows the operand.</param>
/// <param name="Operand">What stands between them.</param>
public sealed record FilterOperator(string Kind, string Prefix, string Suffix, FilterOperand Operand);

/// <summary>What a filter condition takes between its prefix and suffix.</summary>
public enum FilterOperand { None, Value, Values, Text }

/// <summary>
/// The release's filter grammar, <c>quirks/hub-{release}/filters.json</c>: for every condition the
/// library can ask for, its <c>wire</c> text (<c>~{value}</c>, <c>{value}~</c>, <c>!{values}</c>, <c>null</c>)
/// and the evidence for it. A kind the file leaves out does not exist on the release.
/// </summary>
public sealed record FilterFacts(string Grammar, string Source, IReadOnlyList<FilterOperator> Operators)
{
    public const string FileName = "filters.json";

    /// <summary>What the hand-written code relies on, on every release.</summary>
    public static readonly string[] Required =
        ["Equal", "NotEqual", "StartsWith", "NotStartsWith", "LessThan", "LessOrEqual", "GreaterThan", "GreaterOrEqual", "In", "NotIn", "IsNull", "IsNotNull"];

    /// <summary>What a release may have besides (rapiq 2's LIKE markers).</summary>
    public static readonly string[] Optional = ["EndsWith", "NotEndsWith", "Contains", "NotContains"];

    private static readonly string[] Lists = ["In", "NotIn"];
    private static readonly string[] Operandless = ["IsNull", "IsNotNull"];

    /// <summary>Reads <paramref name="path"/>; every problem names the file and the kind.</summary>
    public static FilterFacts Read(string path)
    {
        if (!File.Exists(path)) throw new GeneratorException($"{path} is missing: every release's quirks folder says how its filter grammar writes each condition.");
        var root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new GeneratorException($"{path}: not a JSON object.");
        var grammar = root["grammar"]?.GetValue<string>() ?? throw new GeneratorException($"{path}: 'grammar' is missing.");
        var operators = new List<FilterOperator>();
        foreach (var (kind, node) in root["operators"] as JsonObject ?? throw new GeneratorException($"{path}: 'operators' is missing."))
        {
            if (!Required.Contains(kind) && !Optional.Contains(kind))
                throw new GeneratorException($"{path}: '{kind}' is not a filter kind the library knows ({string.Join(", ", Required.Concat(Optional))}).");
            var wire = node?["wire"]?.GetValue<string>() ?? throw new GeneratorException($"{path}: {kind} has no 'wire'.");
            if (string.IsNullOrWhiteSpace(node?["evidence"]?.GetValue<string>()))
                throw new GeneratorException($"{path}: {kind} has no 'evidence'; a quirk without evidence cannot be checked.");
            operators.Add(Parse(path, kind, wire));
        }
        var missing = Required.Where(k => operators.All(o => o.Kind != k)).ToList();
        if (missing.Count > 0) throw new GeneratorException($"{path}: {string.Join(", ", missing)} missing; every release has them.");
        foreach (var (a, b) in operators.SelectMany(a => operators.Where(b => string.CompareOrdinal(a.Kind, b.Kind) < 0).Select(b => (a, b))))
        {
            if (a.Prefix == b.Prefix && a.Suffix == b.Suffix && a.Operand == b.Operand)
                throw new GeneratorException($"{path}: {a.Kind} and {b.Kind} are written alike; the Hub could not tell them apart.");
        }
        return new FilterFacts(grammar, path, operators);
    }

    private static FilterOperator Parse(string path, string kind, string wire)
    {
        var expected = Lists.Contains(kind) ? "{values}" : Operandless.Contains(kind) ? null : "{value}";
        if (expected is null)
        {
            if (wire.Contains('{')) throw new GeneratorException($"{path}: {kind} takes no operand, but its wire is '{wire}'.");
            return new FilterOperator(kind, wire, "", FilterOperand.None);
        }
        // {text}: one operand the release's Hub keeps as text (a LIKE pattern it does not read as a number).
        if (expected == "{value}" && wire.Contains("{text}", StringComparison.Ordinal)) expected = "{text}";
        var at = wire.IndexOf(expected, StringComparison.Ordinal);
        if (at < 0 || wire.IndexOf('{', at + 1) >= 0 || wire.LastIndexOf('{', at) != at)
            throw new GeneratorException($"{path}: {kind}'s wire '{wire}' must hold {expected} once.");
        var operand = expected switch { "{values}" => FilterOperand.Values, "{text}" => FilterOperand.Text, _ => FilterOperand.Value };
        return new FilterOperator(kind, wire[..at], wire[(at + expected.Length)..], operand);
    }
}
