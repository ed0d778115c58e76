namespace FlameHub.Generator.Report;

/// <summary>
/// Compares the fields of one resource's entity: gone, new, possibly renamed (found by shape),
/// and for the fields of both releases their type, nullability, required-ness, deprecation and
/// enum values. Changes many fields share become one line of the report.
/// </summary>
internal static class EntityFields
{
    public static void Compare(string resource, IReadOnlyList<ApiField> old, IReadOnlyList<ApiField> @new, ChangeList changes)
    {
        var match = FieldMatch.Of(old, @new, changes, guessRenames: true);
        var subject = $"`{resource}`";
        if (match.Removed.Count > 0) changes.Add(ChangeKind.FieldsRemoved, subject, "fields gone: " + ChangeList.List(match.Removed.Select(f => f.Name)));
        if (match.Added.Count > 0)
        {
            changes.Add(ChangeKind.FieldsAdded, subject, "new fields: " + string.Join(", ", match.Added.Select(f => $"`{f.Name}` ({f.Describe()})")));
        }
        foreach (var (from, to) in match.Renamed)
        {
            changes.Add(ChangeKind.FieldRenamed, $"`{resource}.{from.Name}`",
                $"possibly renamed to `{to.Name}` (the one gone and the one new field of shape {to.Describe()}; .NET `{WireNames.DotNet(from.Name)}` → `{WireNames.DotNet(to.Name)}`)");
        }
        foreach (var (was, now) in match.Same)
        {
            var member = $"{resource}.{now.Name}";
            if (was.Type != now.Type) changes.Group(ChangeKind.FieldTypeChanged, $"Type `{was.Type}` → `{now.Type}`", member);
            if (was.Nullable != now.Nullable) changes.Group(now.Nullable ? ChangeKind.FieldsNowNullable : ChangeKind.FieldsNowNonNullable, now.Nullable ? "Now nullable" : "No longer nullable", member);
            if (was.Required != now.Required) changes.Group(now.Required ? ChangeKind.FieldsNowRequired : ChangeKind.FieldsNowOptional, now.Required ? "Now always present" : "No longer always present", member);
            if (!was.Deprecated && now.Deprecated) changes.Group(ChangeKind.FieldsDeprecated, "Now deprecated", member);
            if (was.Enum.Count == 0 || now.Enum.Count == 0) continue;
            if (was.Enum.Except(now.Enum).ToList() is { Count: > 0 } gone) changes.Add(ChangeKind.EnumValuesRemoved, $"`{member}`", "enum values gone: " + ChangeList.List(gone));
            if (now.Enum.Except(was.Enum).ToList() is { Count: > 0 } added) changes.Add(ChangeKind.EnumValuesAdded, $"`{member}`", "new enum values: " + ChangeList.List(added));
        }
    }
}
