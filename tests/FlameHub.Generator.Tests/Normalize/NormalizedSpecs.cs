using System.Text.Json.Nodes;
using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Tests.Normalize;

/// <summary>The checkout's specs/ run through the whole normalizer once per test run.</summary>
internal static class NormalizedSpecs
{
    private static readonly Lazy<Task<IReadOnlyDictionary<string, JsonObject>>> Documents = new(async () =>
    {
        var (served, hub) = DocumentNormalizer.ReadSpecs(RepositoryPaths.Specs);
        return await new DocumentNormalizer(new QuirksCatalog(RepositoryPaths.Quirks)).NormalizeAsync(served, hub, CancellationToken.None);
    });

    public static Task<IReadOnlyDictionary<string, JsonObject>> GetAsync() => Documents.Value;

    public static IReadOnlyDictionary<string, JsonObject> Served() => DocumentNormalizer.ReadSpecs(RepositoryPaths.Specs).Documents;
}
