namespace FlameHub.Generator.Report;

/// <summary>
/// Pairs removed and added names that are likely one renamed thing: the same signature (type,
/// nullability or property set), preferring names equal but for case and separators
/// (<c>external_name</c>, <c>externalName</c>); otherwise only when the signature has exactly
/// one candidate. An empty signature (a definition without properties) pairs with nothing.
/// </summary>
public static class RenameGuess
{
    public static IReadOnlyList<(string From, string To)> Pair(
        IReadOnlyList<string> removed, IReadOnlyList<string> added, Func<string, string> removedSignature, Func<string, string> addedSignature)
    {
        var pairs = new List<(string From, string To)>();
        var free = removed.ToList();
        foreach (var to in added)
        {
            var signature = addedSignature(to);
            if (signature.Length == 0) continue;
            var candidates = free.Where(from => removedSignature(from) == signature).ToList();
            var from = candidates.FirstOrDefault(c => Loose(c) == Loose(to))
                ?? (candidates.Count == 1 && added.Count(a => addedSignature(a) == signature) == 1 ? candidates[0] : null);
            if (from is null) continue;
            pairs.Add((from, to));
            free.Remove(from);
        }
        return pairs;
    }

    private static string Loose(string name) =>
        new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
