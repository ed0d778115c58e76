using System.Text.Json.Nodes;

namespace FlameHub.Generator.Import;

/// <summary>The Hub's three REST services and how to tell their documents apart.</summary>
public static class HubService
{
    public const string Auth = "auth";
    public const string Core = "core";
    public const string Storage = "storage";

    public static readonly IReadOnlyList<string> All = [Auth, Core, Storage];

    // Each service owns a path no other service has; the path set, not the title, tells them
    // apart because all three documents carry the same generic title.
    private static readonly (string Service, string Path)[] Markers =
    [
        (Auth, "/token"),
        (Storage, "/buckets"),
        (Core, "/nodes"),
    ];

    public static string Detect(JsonObject document, string source)
    {
        var paths = document["paths"] as JsonObject
            ?? throw new GeneratorException($"{source}: the document has no 'paths'.");
        var matches = Markers.Where(m => paths.ContainsKey(m.Path)).Select(m => m.Service).Distinct().ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new GeneratorException(
                $"{source}: not a FLAME Hub auth, core or storage document (none of /token, /nodes, /buckets is a path)."),
            _ => throw new GeneratorException(
                $"{source}: the document mixes services ({string.Join(", ", matches)}); import each service's own /docs page."),
        };
    }
}
