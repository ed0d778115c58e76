using FlameHub.Generated.Tests;
using FlameHub.Testing;

namespace FlameHub.Generated.Testing.Tests;

/// <summary>
/// <c>./build.sh demo</c> (build/demo.cs) works without a Hub: it builds what it needs for this run's
/// release and runs the README quickstart against an in-process FakeHub, printing each step and each
/// request on the wire.
/// </summary>
public sealed class DemoTests
{
    [Test, CancelAfter(300_000)]
    public async Task The_demo_runs_the_quickstart_against_a_FakeHub_without_a_Hub(CancellationToken cancellationToken)
    {
        var root = RepositoryPaths.Root;
        // No Hub: without FLAMEHUB_URL the demo takes the fake, whatever the machine running the tests has set.
        var environment = new Dictionary<string, string?> { ["FLAMEHUB_URL"] = null, ["FLAMEHUB_USER"] = null, ["FLAMEHUB_PASSWORD"] = null };
        var (exitCode, output) = await DotnetCommand.RunAsync(root, environment, cancellationToken,
            "run", "--file", Path.Combine(root, "build", "demo.cs"), "-c", "Release", $"-p:HubRelease={RepositoryPaths.HubRelease}");

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(0), output);
            Assert.That(output, Does.Contain("demo: against an in-process FakeHub"));
            Assert.That(output, Does.Match(@"POST /core/nodes -> 201"), "a step's request on the wire");
            Assert.That(output, Does.Contain("the same bytes"), "the download gave back the upload");
            Assert.That(output.TrimEnd(), Does.EndWith("demo: done"));
        });
    }
}
