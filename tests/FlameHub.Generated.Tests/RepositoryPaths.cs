namespace FlameHub.Generated.Tests;

/// <summary>Where the checkout's files are, found from the test assembly's location.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The Hub release this test assembly was built for (-p:HubRelease).</summary>
    public static string HubRelease { get; } = typeof(RepositoryPaths).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
        .Cast<System.Reflection.AssemblyMetadataAttribute>()
        .Single(a => a.Key == "FlameHub.HubRelease").Value!;

    /// <summary>The documents of that release: specs/hub-{release}/.</summary>
    public static string Specs => Path.Combine(Root, "specs", "hub-" + HubRelease);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FlameHub.Generated.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("The test assembly is not inside a FlameHub.Generated checkout.");
    }
}
