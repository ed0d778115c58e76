namespace FlameHub.Generator.Report;

/// <summary>
/// Compares the <see cref="ApiModel"/>s of one service in two releases: resources, operations
/// (with their parameters, bodies and answers), entity fields and security schemes. See
/// <see cref="BreakingRules"/> for what each change means to callers.
/// </summary>
internal static class ApiComparer
{
    public static IReadOnlyList<SpecChange> Compare(ApiModel old, ApiModel @new)
    {
        var changes = new ChangeList();
        CompareOperations(old, @new, changes);
        foreach (var (name, resource) in old.Resources)
        {
            if (@new.Resources.TryGetValue(name, out var newResource) && resource.Fields is { } oldFields && newResource.Fields is { } newFields)
            {
                EntityFields.Compare(name, oldFields, newFields, changes);
            }
        }
        CompareSecurity(old, @new, changes);
        return changes.Finish();
    }

    private static void CompareOperations(ApiModel old, ApiModel @new, ChangeList changes)
    {
        var removed = old.Operations.Values.Where(o => o.MountedCopyOf is null && !@new.Operations.ContainsKey(o.Key)).ToList();
        var added = @new.Operations.Values.Where(o => o.MountedCopyOf is null && !old.Operations.ContainsKey(o.Key)).ToList();

        // An operation that moved: same method and last path segment, and the only such pair.
        foreach (var from in removed.ToList())
        {
            var candidates = added.Where(a => a.Method == from.Method && LastSegment(a.Path) == LastSegment(from.Path) && Literals(a.Path) != Literals(from.Path)).ToList();
            if (candidates is not [var to] || removed.Count(r => r.Method == from.Method && LastSegment(r.Path) == LastSegment(from.Path)) != 1) continue;
            changes.Add(ChangeKind.OperationMoved, $"`{from.Display}`", $"moved to `{to.Path}`");
            removed.Remove(from);
            added.Remove(to);
        }

        foreach (var (name, resource) in old.Resources.Where(r => !@new.Resources.ContainsKey(r.Key)))
        {
            var operations = removed.Where(o => o.Resource == name).ToList();
            if (operations.Count == 0) continue; // all moved
            changes.Add(ChangeKind.ResourceRemoved, $"`{name}`", $"resource gone with its {Operations(operations)}");
            removed.RemoveAll(o => o.Resource == name);
        }
        foreach (var (name, resource) in @new.Resources.Where(r => !old.Resources.ContainsKey(r.Key)))
        {
            var operations = added.Where(o => o.Resource == name).ToList();
            if (operations.Count == 0) continue; // all moved here
            var fields = resource.Fields is { Count: > 0 } f ? $"; fields {ChangeList.List(f.Select(x => x.Name))}" : "";
            changes.Add(ChangeKind.ResourceAdded, $"`{name}`", $"new resource: {Operations(operations)}{fields}");
            added.RemoveAll(o => o.Resource == name);
        }
        foreach (var operation in removed) changes.Add(ChangeKind.OperationRemoved, $"`{operation.Display}`", "gone");
        foreach (var operation in added) changes.Add(ChangeKind.OperationAdded, $"`{operation.Display}`", $"new ({Describe(operation.Answer.Shape)})");

        CompareMountedCopies(old, @new, changes);

        foreach (var (key, operation) in old.Operations)
        {
            if (operation.MountedCopyOf is not null || !@new.Operations.TryGetValue(key, out var newOperation)) continue;
            OperationParts.Compare(operation, newOperation, changes);
        }
    }

    private static void CompareMountedCopies(ApiModel old, ApiModel @new, ChangeList changes)
    {
        var oldCopies = old.Operations.Values.Where(o => o.MountedCopyOf is not null).Select(o => o.Key).ToHashSet(StringComparer.Ordinal);
        var newCopies = @new.Operations.Values.Where(o => o.MountedCopyOf is not null).ToList();
        var added = newCopies.Where(o => !oldCopies.Contains(o.Key)).ToList();
        var removed = old.Operations.Values.Where(o => o.MountedCopyOf is not null && !@new.Operations.ContainsKey(o.Key)).ToList();
        if (added.Count > 0)
        {
            changes.Add(ChangeKind.MountedCopiesAdded, "Realm-scoped copies",
                $"{added.Count} operations are also served under `{Prefix(added[0].Path)}/…`, the same as without the prefix (the package leaves such copies out and calls the unprefixed paths): {ChangeList.List(added.Select(o => o.Resource).Distinct())}");
        }
        if (removed.Count > 0)
        {
            changes.Add(ChangeKind.MountedCopiesRemoved, "Realm-scoped copies",
                $"{removed.Count} operations are no longer served under `{Prefix(removed[0].Path)}/…`: {ChangeList.List(removed.Select(o => o.Resource).Distinct())}");
        }
    }

    private static void CompareSecurity(ApiModel old, ApiModel @new, ChangeList changes)
    {
        foreach (var scheme in old.Security)
        {
            var now = @new.Security.FirstOrDefault(s => s.Kind == scheme.Kind);
            if (now is null) changes.Add(ChangeKind.SecuritySchemeRemoved, scheme.Kind, "no longer declared");
            else if (now.Detail != scheme.Detail) changes.Add(ChangeKind.SecuritySchemeChanged, scheme.Kind, $"{scheme.Detail} → {now.Detail}");
        }
        foreach (var scheme in @new.Security.Where(s => old.Security.All(o => o.Kind != s.Kind)))
        {
            changes.Add(ChangeKind.SecuritySchemeAdded, scheme.Kind, "newly declared" + (scheme.Detail.Length > 0 ? $" ({scheme.Detail})" : ""));
        }
    }

    internal static string Describe(AnswerShape shape) => shape switch
    {
        AnswerShape.None => "no body",
        AnswerShape.Record => "a record",
        AnswerShape.EnvelopedRecord => "a record in `{data, meta}`",
        AnswerShape.List => "a list",
        AnswerShape.Array => "an array",
        AnswerShape.EnvelopedArray => "an array in `{data, meta}`",
        AnswerShape.Binary => "a file",
        AnswerShape.Value => "a value",
        _ => "an object",
    };

    private static string Operations(IReadOnlyList<ApiOperation> operations) =>
        operations.Count == 0 ? "no operations" : $"{operations.Count} operation{(operations.Count == 1 ? "" : "s")} ({ChangeList.List(operations.Select(o => $"`{o.Display}`"))})";

    private static string LastSegment(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(s => !s.StartsWith('{')) ?? "";

    private static string Literals(string path) => string.Join('/', path.Split('/').Where(s => !s.StartsWith('{')));

    private static string Prefix(string path) => string.Join('/', path.Split('/').Take(3));
}
