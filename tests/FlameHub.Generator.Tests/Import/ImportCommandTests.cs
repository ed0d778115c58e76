namespace FlameHub.Generator.Tests.Import;

/// <summary>The command line as the build scripts call it: exit code and the one error line.</summary>
public class ImportCommandTests
{
    [Test]
    public async Task A_bad_input_exits_non_zero_with_one_error_line()
    {
        var specs = Path.Combine(Path.GetTempPath(), "flamehub-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(specs);
        var bad = Path.Combine(specs, "bad.txt");
        File.WriteAllText(bad, "not a document");
        try
        {
            var generator = typeof(GeneratorException).Assembly.Location;
            var (exitCode, _, stderr) = await ProcessRunner.RunAsync("dotnet", [generator, "import", "--specs", specs, "--from", bad]);

            Assert.That(exitCode, Is.EqualTo(1));
            Assert.That(stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
            Assert.That(stderr, Does.StartWith($"error: {bad}: neither a JSON document"));
            Assert.That(Directory.GetFiles(specs), Is.EquivalentTo(new[] { bad }));
        }
        finally
        {
            Directory.Delete(specs, recursive: true);
        }
    }
}
