namespace FlameHub.Generator.PublicApi;

/// <summary>Compares an assembly's public surface with the committed listing, or rewrites the listing.</summary>
public static class PublicApiListing
{
    private const string Header = "# The public API of FlameHub.Generated, one line per type and member (written by './build.sh update-public-api').";

    /// <summary>Returns the lines added and removed; writes the listing when <paramref name="update"/> is set.</summary>
    public static (IReadOnlyList<string> Added, IReadOnlyList<string> Removed) Check(string listingPath, IReadOnlyList<string> actual, bool update)
    {
        var committed = File.Exists(listingPath)
            ? File.ReadAllLines(listingPath).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList()
            : [];
        var added = actual.Except(committed, StringComparer.Ordinal).ToList();
        var removed = committed.Except(actual, StringComparer.Ordinal).ToList();
        if (update && (added.Count > 0 || removed.Count > 0 || !File.Exists(listingPath)))
        {
            File.WriteAllText(listingPath, Header + "\n" + string.Join("\n", actual) + "\n");
        }
        return (added, removed);
    }
}
