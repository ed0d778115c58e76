using System.Text.Json.Nodes;
using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Rules;

/// <summary>
/// The documents declare 200 for everything; the Hub answers 201 to a create and 202 to an
/// update or delete. Authup's PUT answers 201 when it created and 202 when it replaced.
/// </summary>
public sealed class StatusCodeRule : INormalizationRule
{
    public void Apply(NormalizationContext context)
    {
        foreach (var op in context.Operations)
        {
            string[] real = op.Shape.Kind switch
            {
                OperationKind.Create => ["201"],
                OperationKind.Update or OperationKind.Delete => ["202"],
                OperationKind.Replace => ["201", "202"],
                _ => [],
            };
            if (real.Length == 0 || op.Node["responses"] is not JsonObject responses || responses["200"] is not JsonObject ok) continue;
            responses.Remove("200");
            foreach (var status in real) responses[status] = ok.DeepClone();
        }
    }
}
