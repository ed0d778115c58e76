using System.Diagnostics;
using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Tests.Normalize;

/// <summary>The normalized documents pass a real OpenAPI validator (swagger-cli, from npm).</summary>
public class OpenApiValidatorTests
{
    [TestCase("auth")]
    [TestCase("core")]
    [TestCase("storage")]
    public async Task Normalized_document_is_valid_OpenAPI(string service)
    {
        var validator = Path.Combine(RepositoryPaths.NodeModules, "@apidevtools", "swagger-cli", "bin", "swagger-cli.js");
        Assert.That(File.Exists(validator), Is.True, $"{validator} is missing; './build.sh test' installs it with npm ci.");
        var file = Path.Combine(Path.GetTempPath(), $"flamehub-{service}-{Guid.NewGuid():N}.openapi.json");
        await File.WriteAllTextAsync(file, CanonicalJson.Write((await NormalizedSpecs.GetAsync())[service]));
        try
        {
            var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { validator, "validate", file }) start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();

            Assert.That(process.ExitCode, Is.Zero, output);
            Assert.That(output, Does.Contain("is valid"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task The_validator_rejects_an_invalid_document()
    {
        var validator = Path.Combine(RepositoryPaths.NodeModules, "@apidevtools", "swagger-cli", "bin", "swagger-cli.js");
        var file = Path.Combine(Path.GetTempPath(), $"flamehub-invalid-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{"/a":{"get":{"responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Missing"}}}}}}}}}""");
        try
        {
            var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { validator, "validate", file }) start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            await process.StandardOutput.ReadToEndAsync();
            await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.That(process.ExitCode, Is.Not.Zero);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
