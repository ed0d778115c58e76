using System.Reflection;
using System.Runtime.Versioning;

namespace FlameHub.Generated.Tests;

/// <summary>The framework this test assembly was built for (the suite runs once per framework the package ships).</summary>
internal static class TestFramework
{
    /// <summary>For example <c>.NETCoreApp,Version=v8.0</c>.</summary>
    public static FrameworkName Built { get; } = Of(typeof(TestFramework).Assembly);

    /// <summary>The target framework moniker, for example <c>net8.0</c>.</summary>
    public static string Moniker => $"net{Built.Version.Major}.{Built.Version.Minor}";

    public static FrameworkName Of(Assembly assembly) =>
        new(assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} has no TargetFrameworkAttribute."));
}
