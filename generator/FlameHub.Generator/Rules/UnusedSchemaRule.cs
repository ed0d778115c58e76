using System.Text.Json.Nodes;
using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Rules;

/// <summary>
/// Drops schemas that no operation reaches any more, so no dead class is generated: the served
/// <c>Pick…</c> bodies the derived bodies replaced, the aliases, the schemas of excluded
/// operations. The rules before it leave referenced only what the client methods use (list
/// envelopes are unwrapped, paging is two scalars, multipart parts stay inline); the schemas
/// the templates name through <c>x-flamehub-entity-schema</c> and <c>x-flamehub-item-schema</c>
/// count as used.
/// </summary>
public sealed class UnusedSchemaRule : INormalizationRule
{
    public void Apply(NormalizationContext context)
    {
        var roots = SchemaReferences.In(context.Document["paths"])
            .Concat(context.Operations.SelectMany(o => SchemaReferences.OperationExtensions.Select(e => (o.Node[e] as JsonValue)?.GetValue<string>())).OfType<string>());
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(roots);
        while (pending.TryPop(out var name))
        {
            if (!reached.Add(name)) continue;
            foreach (var next in SchemaReferences.In(context.Schemas[name])) pending.Push(next);
        }
        foreach (var name in context.Schemas.Select(s => s.Key).Where(n => !reached.Contains(n)).ToList())
        {
            context.Schemas.Remove(name);
        }
        // The shared list names only what is left (an unwrapped envelope may have been shared).
        if (context.Document[SharedSchemaRule.Extension] is JsonArray shared && shared.Any(n => !reached.Contains(n!.GetValue<string>())))
        {
            var kept = shared.Select(n => n!.GetValue<string>()).Where(reached.Contains).Select(n => (JsonNode)n).ToArray();
            if (kept.Length > 0) context.Document[SharedSchemaRule.Extension] = new JsonArray(kept);
            else context.Document.Remove(SharedSchemaRule.Extension);
        }
    }
}
