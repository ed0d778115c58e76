using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Rules;

/// <summary>One Hub convention, applied to a converted document.</summary>
public interface INormalizationRule
{
    void Apply(NormalizationContext context);
}
