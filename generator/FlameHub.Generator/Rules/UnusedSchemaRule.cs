using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Rules;

/// <summary>
/// Drops schemas that no operation reaches any more (the served <c>Pick…</c> and
/// <c>NonNullable…</c> bodies the derived bodies replaced), so no dead class is generated.
/// </summary>
public sealed class UnusedSchemaRule : INormalizationRule
{
    public void Apply(NormalizationContext context)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(SchemaReferences.In(context.Document["paths"]));
        while (pending.TryPop(out var name))
        {
            if (!reached.Add(name)) continue;
            foreach (var next in SchemaReferences.In(context.Schemas[name])) pending.Push(next);
        }
        foreach (var name in context.Schemas.Select(s => s.Key).Where(n => !reached.Contains(n)).ToList())
        {
            context.Schemas.Remove(name);
        }
    }
}
