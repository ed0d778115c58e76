using System.Text.Json.Nodes;

namespace FlameHub.Generator.Normalize;

/// <summary>
/// Per-release quirks: <c>quirks/hub-{version}/{service}.overlay.json</c>. A Hub release uses
/// the quirks of the newest release at or below it, so a bump that fixes nothing and breaks
/// nothing needs no new folder.
/// </summary>
public sealed class QuirksCatalog(string quirksDirectory)
{
    public string? FolderFor(string hubVersion)
    {
        if (!Directory.Exists(quirksDirectory)) return null;
        var wanted = Parse(hubVersion);
        return Directory.GetDirectories(quirksDirectory, "hub-*")
            .Select(d => (Dir: d, Version: Parse(Path.GetFileName(d)["hub-".Length..])))
            .Where(d => d.Version <= wanted)
            .OrderByDescending(d => d.Version)
            .Select(d => d.Dir)
            .FirstOrDefault();
    }

    public JsonObject? OverlayFor(string hubVersion, string service, out string? path)
    {
        path = FolderFor(hubVersion) is { } folder ? Path.Combine(folder, service + ".overlay.json") : null;
        if (path is null || !File.Exists(path)) return null;
        return JsonNode.Parse(File.ReadAllText(path)) as JsonObject
            ?? throw new GeneratorException($"{path}: not a JSON object.");
    }

    private static Version Parse(string version) => ReleaseVersion.Parse(version);
}
