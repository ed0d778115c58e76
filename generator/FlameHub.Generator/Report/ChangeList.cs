namespace FlameHub.Generator.Report;

/// <summary>
/// Collects the report's lines, classifying each with <see cref="BreakingRules"/>. Changes that
/// many fields or operations share are grouped into one line; wire-style renames are gathered
/// and said once per style change.
/// </summary>
internal sealed class ChangeList
{
    private const int MaxListed = 12;

    private readonly List<SpecChange> _changes = [];
    private readonly SortedDictionary<(ChangeKind Kind, string Subject), (SortedSet<string> Members, SortedSet<string> Resources)> _groups = new();
    private readonly List<(string From, string To)> _styleRenames = [];
    private readonly SortedSet<string> _kept = new(StringComparer.Ordinal);

    public void Add(ChangeKind kind, string subject, string text)
    {
        var (section, breaking, why) = BreakingRules.Classify(kind);
        _changes.Add(new SpecChange(section, kind, subject, text, breaking, why));
    }

    /// <summary>
    /// One member of a line shared by many: <c>Type `a` → `b`</c> for <c>nodes.createdAt</c>. With a
    /// <paramref name="resource"/>, the line counts its members and names their resources instead.
    /// </summary>
    public void Group(ChangeKind kind, string subject, string member, string? resource = null)
    {
        if (!_groups.TryGetValue((kind, subject), out var group))
        {
            _groups[(kind, subject)] = group = (new SortedSet<string>(StringComparer.Ordinal), new SortedSet<string>(StringComparer.Ordinal));
        }
        group.Members.Add(member);
        if (resource is not null) group.Resources.Add(resource);
    }

    /// <summary>A name spelled in another wire style only (<c>realm_id</c> → <c>realmId</c>).</summary>
    public void StyleRename(string from, string to) => _styleRenames.Add((from, to));

    /// <summary>A multi-word name both releases spell the same way.</summary>
    public void Kept(string name)
    {
        if (WireNames.Style(name) is not null) _kept.Add(name);
    }

    public IReadOnlyList<SpecChange> Finish()
    {
        foreach (var ((kind, subject), (members, resources)) in _groups)
        {
            Add(kind, subject, resources.Count > 0 && members.Count > 1
                ? $"{members.Count} operations, of {List(resources)}"
                : List(members) + (members.Count > 1 ? $" ({members.Count})" : ""));
        }
        foreach (var style in _styleRenames.GroupBy(r => (From: WireNames.Style(r.From), To: WireNames.Style(r.To))).OrderByDescending(g => g.Count()))
        {
            var pairs = style.DistinctBy(r => (r.From, r.To)).OrderBy(r => r.From, StringComparer.Ordinal).ToList();
            var sameNet = pairs.All(r => WireNames.DotNet(r.From) == WireNames.DotNet(r.To));
            var examples = string.Join(", ", pairs.Take(3).Select(r => $"`{r.From}` → `{r.To}`"));
            var text = $"{pairs.Count} name{(pairs.Count == 1 ? "" : "s")}{(pairs.Count > 3 ? $", e.g. {examples}" : $": {examples}")}. "
                + (sameNet
                    ? $"The .NET names stay the same (`{pairs[0].From}` and `{pairs[0].To}` are both `{WireNames.DotNet(pairs[0].To)}`); only filter, sort and field keys written as strings take the new spelling."
                    : "Some .NET names change: " + List(pairs.Where(r => WireNames.DotNet(r.From) != WireNames.DotNet(r.To)).Select(r => $"{WireNames.DotNet(r.From)} → {WireNames.DotNet(r.To)}")) + ".");
            var kept = _kept.Where(k => WireNames.Style(k) == style.Key.From).ToList();
            // Where most names changed style, the few that kept it are the news (OAuth2's access_token); otherwise just count them.
            if (kept.Count > 0 && kept.Count < pairs.Count) text += $" Still {style.Key.From}: {List(kept)}.";
            else if (kept.Count > 0) text += $" The other {kept.Count} multi-word names keep the {style.Key.From} spelling.";
            Add(ChangeKind.WireStyleRenamed, $"Field names on the wire: {style.Key.From ?? "one word"} → {style.Key.To ?? "one word"}", text);
        }
        return _changes;
    }

    public static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        var shown = string.Join(", ", all.Take(MaxListed).Select(i => i.StartsWith('`') ? i : $"`{i}`"));
        return all.Count > MaxListed ? $"{shown} and {all.Count - MaxListed} more" : shown;
    }
}
