using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Rules;

/// <summary>
/// A GET or DELETE sends no body (HTTP gives it no meaning and the Hub reads none), so a body a
/// document declares on one (trapi 1 writes the handler's unused body parameter: Authup 0.14's
/// <c>GET /policies/{id}</c>) is dropped rather than becoming a parameter of the method.
/// </summary>
public sealed class BodylessReadRule : INormalizationRule
{
    public void Apply(NormalizationContext context)
    {
        foreach (var op in context.Operations.Where(o => o.Method is "get" or "delete"))
        {
            op.Node.Remove("requestBody");
        }
    }
}
