namespace FlameHub.Generator.PublicApi;

/// <summary>
/// One PublicAPI.*.txt file as the analyzers read it: <c>#nullable enable</c>, then one API line
/// per symbol; an Unshipped line <c>*REMOVED*x</c> takes the shipped line <c>x</c> away.
/// Written sorted (ordinal) with <c>\n</c> endings, so the same API always gives the same bytes.
/// </summary>
public static class ApiListing
{
    public const string NullableEnable = "#nullable enable";
    public const string RemovedPrefix = "*REMOVED*";

    public static SortedSet<string> Read(string path)
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        if (!File.Exists(path)) return lines;
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length > 0 && line != NullableEnable) lines.Add(line);
        }
        return lines;
    }

    public static string Format(IEnumerable<string> lines) =>
        string.Concat(new[] { NullableEnable }.Concat(lines.Order(StringComparer.Ordinal)).Select(l => l + "\n"));

    /// <summary>Writes the file only when its text changes; true when it did.</summary>
    public static bool Write(string path, IEnumerable<string> lines)
    {
        var text = Format(lines);
        if (File.Exists(path) && File.ReadAllText(path) == text) return false;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, text);
        return true;
    }
}
