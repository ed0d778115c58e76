namespace FlameHub.Generator.Tests;

/// <summary>Where the checkout's files are, found from the test assembly's location.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Specs => Path.Combine(Root, "specs", "hub-0.8.13");

    /// <summary>The folder of one release's documents: <c>specs/hub-0.14.0</c>.</summary>
    public static string SpecsOf(string release) => Path.Combine(Root, "specs", "hub-" + release);

    public static string Quirks => Path.Combine(Root, "generator", "quirks");

    public static string NodeModules => Path.Combine(Root, "node_modules");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FlameHub.Generated.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("The test assembly is not inside a FlameHub.Generated checkout.");
    }
}
