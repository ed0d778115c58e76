namespace FlameHub.Generator.PublicApi;

/// <summary>
/// Rewrites the Unshipped listings from what the analyzers reported, the job the analyzers' IDE
/// code fix does, for the command line. The layout is the analyzers' own:
/// <c>PublicAPI/PublicAPI.{Shipped,Unshipped}.txt</c> holds what every target framework has,
/// <c>PublicAPI/{tfm}/PublicAPI.{Shipped,Unshipped}.txt</c> what only that framework has (present
/// only while there is such API). Shipped files are never edited: they change at a release.
/// The update build compiles against the Shipped files and an empty Unshipped one, so for each
/// framework the findings say everything: the actual API is Shipped plus RS0016 minus RS0017.
/// The Unshipped files are then derived from the code and Shipped alone, whatever they held
/// before (a merge conflict included): what is not shipped is listed, what was shipped and is
/// gone becomes a <c>*REMOVED*</c> line; lines every framework needs go to the shared file.
/// </summary>
public static class PublicApiUpdate
{
    public const string Shipped = "PublicAPI.Shipped.txt";
    public const string Unshipped = "PublicAPI.Unshipped.txt";

    /// <summary>One listing file written, created or deleted, and the lines it gained and lost.</summary>
    public sealed record FileChange(string Path, string What, int Added, int Removed);

    public static IReadOnlyList<FileChange> Apply(string directory, IReadOnlyDictionary<string, ApiDiagnostics> byFramework)
    {
        if (byFramework.Count == 0) throw new GeneratorException("public-api: no target framework's diagnostics were given.");
        foreach (var folder in Directory.Exists(directory) ? Directory.GetDirectories(directory) : [])
        {
            var framework = Path.GetFileName(folder);
            if (!byFramework.ContainsKey(framework))
            {
                throw new GeneratorException($"public-api: {folder} lists API for {framework}, which was not built; update over every target framework.");
            }
        }

        var sharedShipped = ApiListing.Read(Path.Combine(directory, Shipped));
        var needed = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (framework, diagnostics) in byFramework)
        {
            var shipped = new SortedSet<string>(sharedShipped, StringComparer.Ordinal);
            shipped.UnionWith(ApiListing.Read(Path.Combine(directory, framework, Shipped)));
            var actual = new SortedSet<string>(shipped, StringComparer.Ordinal);
            actual.UnionWith(diagnostics.Added);
            actual.ExceptWith(diagnostics.Removed);

            var need = new SortedSet<string>(actual.Where(l => !shipped.Contains(l)), StringComparer.Ordinal);
            need.UnionWith(shipped.Where(l => !actual.Contains(l)).Select(l => ApiListing.RemovedPrefix + l));
            needed[framework] = need;
        }

        var common = needed.Values.Skip(1).Aggregate(new SortedSet<string>(needed.Values.First(), StringComparer.Ordinal),
            (all, next) => { all.IntersectWith(next); return all; });
        var changes = new List<FileChange>();
        Write(changes, Path.Combine(directory, Shipped), sharedShipped);
        Write(changes, Path.Combine(directory, Unshipped), common);
        foreach (var (framework, need) in needed)
        {
            WriteFramework(changes, Path.Combine(directory, framework), need.Where(l => !common.Contains(l)).ToList());
        }
        return changes;
    }

    // A framework's own pair of files exists only while it has API of its own.
    private static void WriteFramework(List<FileChange> changes, string folder, IReadOnlyList<string> unshipped)
    {
        var shippedPath = Path.Combine(folder, Shipped);
        var unshippedPath = Path.Combine(folder, Unshipped);
        var shipped = ApiListing.Read(shippedPath);
        if (unshipped.Count > 0 || shipped.Count > 0)
        {
            Write(changes, shippedPath, shipped);
            Write(changes, unshippedPath, unshipped);
            return;
        }
        foreach (var file in new[] { shippedPath, unshippedPath }.Where(File.Exists))
        {
            changes.Add(new FileChange(file, "deleted", 0, ApiListing.Read(file).Count));
            File.Delete(file);
        }
        if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any()) Directory.Delete(folder);
    }

    // Shipped files are only created (empty), never rewritten: so `lines` is what they hold.
    private static void Write(List<FileChange> changes, string path, IReadOnlyCollection<string> lines)
    {
        if (Path.GetFileName(path) == Shipped && File.Exists(path)) return;
        var what = File.Exists(path) ? "updated" : "created";
        var before = ApiListing.Read(path);
        if (!ApiListing.Write(path, lines)) return;
        var after = lines.ToHashSet(StringComparer.Ordinal);
        changes.Add(new FileChange(path, what, after.Count(l => !before.Contains(l)), before.Count(l => !after.Contains(l))));
    }
}
