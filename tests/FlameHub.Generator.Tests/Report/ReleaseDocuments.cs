using System.Text.Json.Nodes;
using FlameHub.Generator.Report;

namespace FlameHub.Generator.Tests.Report;

/// <summary>
/// The documents of real Hub releases: 0.8.13 (served, Swagger 2.0) and 0.14.0 (reconstructed,
/// OpenAPI 3.1) as imported into <c>specs/</c>, and the reconstructed 0.10.2 and 0.13.0 copied
/// into <c>Fixtures/</c> as the steps between them.
/// </summary>
internal static class ReleaseDocuments
{
    public static readonly string[] Services = ["auth", "core", "storage"];

    public static string Folder(string release) => release is "0.8.13" or "0.14.0"
        ? Path.Combine(RepositoryPaths.Root, "specs", "hub-" + release)
        : Path.Combine(AppContext.BaseDirectory, "Fixtures", "hub-" + release);

    public static JsonObject Read(string release, string service) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Folder(release), service + ".json")))!.AsObject();

    /// <summary>Every service's diff from one release to another, by service.</summary>
    public static Dictionary<string, SpecDiff> Diff(string from, string to) =>
        Services.ToDictionary(s => s, s => SpecDiff.Compare(s, Read(from, s), Read(to, s)));

    /// <summary>The report's lines of one service, as <c>CHANGES.md</c> prints them.</summary>
    public static List<string> Lines(SpecDiff diff) => diff.Changes.Select(ChangesMarkdown.Line).ToList();
}
