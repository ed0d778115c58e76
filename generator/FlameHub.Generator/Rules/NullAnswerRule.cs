using System.Text.Json.Nodes;
using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Rules;

/// <summary>
/// A success answer declared as the JSON value <c>null</c> (<c>enum: [null]</c>, what trapi writes
/// for a handler that returns nothing: Authup's <c>POST /activate</c>, <c>POST /token/revoke</c>)
/// carries no body, so the operation returns nothing instead of an enum of one null member.
/// </summary>
public sealed class NullAnswerRule : INormalizationRule
{
    public void Apply(NormalizationContext context)
    {
        foreach (var op in context.Operations)
        {
            foreach (var (status, response) in op.Node["responses"] as JsonObject ?? [])
            {
                if (!status.StartsWith('2') || response is not JsonObject r) continue;
                if (OpenApiJson.JsonContentSchema(r)?["enum"] is JsonArray { Count: 1 } values && values[0] is null) r.Remove("content");
            }
        }
    }
}
