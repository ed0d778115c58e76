using System.Diagnostics;

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
            var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var a in new[] { generator, "import", "--specs", specs, "--from", bad }) start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var stderr = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();

            Assert.That(process.ExitCode, Is.EqualTo(1));
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
