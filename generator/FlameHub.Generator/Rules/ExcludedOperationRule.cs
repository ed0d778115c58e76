using System.Text.Json.Nodes;
using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Rules;

/// <summary>
/// Some served operations are not for an API client: an interactive browser step, an inbound
/// webhook, a handler that cannot do what its path says. A release's quirks mark each such
/// operation <c>x-flamehub-excluded: "why"</c>; this rule takes it out of the document and lists
/// it, with its reason, in the document's <c>x-flamehub-excluded-operations</c>, so the counts
/// say what was left out. Runs first, so no other rule sees an excluded operation.
/// </summary>
public sealed class ExcludedOperationRule : INormalizationRule
{
    public const string Extension = "x-flamehub-excluded";
    public const string ListExtension = "x-flamehub-excluded-operations";

    public void Apply(NormalizationContext context)
    {
        var excluded = context.Document[ListExtension] as JsonArray ?? [];
        foreach (var op in context.Operations.Where(o => o.Node.ContainsKey(Extension)).ToList())
        {
            var reason = op.Node[Extension]?.GetValueKind() == System.Text.Json.JsonValueKind.String ? op.Node[Extension]!.GetValue<string>() : "";
            if (string.IsNullOrWhiteSpace(reason))
            {
                throw new GeneratorException($"{context.Service}: '{op}' is excluded without a reason; {Extension} must say why.");
            }
            excluded.Add(new JsonObject { ["operation"] = op.ToString(), ["reason"] = reason });
            op.PathItem.Remove(op.Method);
            if (!op.PathItem.Any(m => HubDocumentFacts.HttpMethods.Contains(m.Key))) ((JsonObject)context.Document["paths"]!).Remove(op.Path);
        }
        if (excluded.Count > 0 && excluded.Parent is null) context.Document[ListExtension] = excluded;
    }

    /// <summary>The excluded operations of a normalized document: <c>POST /authorize</c> and why.</summary>
    public static IReadOnlyList<(string Operation, string Reason)> ExcludedOf(JsonObject document) =>
        (document[ListExtension] as JsonArray)?.OfType<JsonObject>()
            .Select(e => (e["operation"]!.GetValue<string>(), e["reason"]!.GetValue<string>())).ToList() ?? [];
}
