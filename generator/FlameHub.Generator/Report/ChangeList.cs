namespace FlameHub.Generator.Report;

/// <summary>Collects changes, classifying each with <see cref="BreakingRules"/> as it is added.</summary>
public sealed class ChangeList
{
    private readonly List<SpecChange> _changes = [];

    public IReadOnlyList<SpecChange> Changes => _changes;

    public void Add(ChangeArea area, ChangeKind kind, string subject, string text, SchemaUse use = SchemaUse.Both)
    {
        var (breaking, why) = BreakingRules.Classify(kind, use);
        _changes.Add(new SpecChange(area, kind, subject, text, breaking, why));
    }
}
