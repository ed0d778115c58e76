using System.Text.RegularExpressions;

namespace FlameHub.Generated.Tests.Readme;

/// <summary>
/// The README's C# samples are the compiled regions of ReadmeSamples.cs, character for character,
/// and of the FakeHub examples that run as tests (FlameHub.Generated.Testing.Tests/ReadmeExample.cs, ReadmeStorageExample.cs).
/// </summary>
public sealed partial class ReadmeTests
{
    [Test]
    public void Every_csharp_sample_in_the_README_is_a_compiled_region()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var samples = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "FlameHub.Generated.Tests", "Readme", "ReadmeSamples.cs"))
            + File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "FlameHub.Generated.Testing.Tests", "ReadmeExample.cs"))
            + File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "FlameHub.Generated.Testing.Tests", "ReadmeStorageExample.cs"));
        var regions = Region().Matches(samples).ToDictionary(m => m.Groups["name"].Value, m => Dedent(m.Groups["body"].Value));
        var blocks = CSharpBlock().Matches(readme).Select(m => m.Groups["body"].Value.TrimEnd('\n')).ToList();

        Assert.That(blocks, Is.Not.Empty);
        Assert.That(regions, Has.Count.EqualTo(blocks.Count), "each region appears in the README once");
        foreach (var block in blocks)
        {
            Assert.That(regions.Values, Has.Member(block), $"README sample not found in ReadmeSamples.cs, ReadmeExample.cs or ReadmeStorageExample.cs:\n{block}");
        }
    }

    private static string Dedent(string body)
    {
        var lines = body.TrimEnd('\n', ' ').Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    [GeneratedRegex(@"^[ \t]*#region (?<name>\S+)\n(?<body>.*?)^[ \t]*#endregion", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex Region();

    [GeneratedRegex(@"^```csharp\n(?<body>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex CSharpBlock();
}
