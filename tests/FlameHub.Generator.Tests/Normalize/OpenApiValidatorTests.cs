using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Tests.Normalize;

/// <summary>The normalized documents pass a real OpenAPI validator (swagger-cli, from npm).</summary>
public class OpenApiValidatorTests
{
    private static readonly string Validator = Path.Combine(RepositoryPaths.NodeModules, "@apidevtools", "swagger-cli", "bin", "swagger-cli.js");

    [TestCase("auth")]
    [TestCase("core")]
    [TestCase("storage")]
    public async Task Normalized_document_is_valid_OpenAPI(string service)
    {
        Assert.That(File.Exists(Validator), Is.True, $"{Validator} is missing; './build.sh test' installs it with npm ci.");
        var file = Path.Combine(Path.GetTempPath(), $"flamehub-{service}-{Guid.NewGuid():N}.openapi.json");
        await File.WriteAllTextAsync(file, CanonicalJson.Write((await NormalizedSpecs.GetAsync())[service]));
        try
        {
            var (exitCode, stdout, stderr) = await ProcessRunner.RunAsync("node", [Validator, "validate", file]);
            var output = stdout + stderr;

            Assert.That(exitCode, Is.Zero, output);
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
        var file = Path.Combine(Path.GetTempPath(), $"flamehub-invalid-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{"/a":{"get":{"responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Missing"}}}}}}}}}""");
        try
        {
            var (exitCode, _, _) = await ProcessRunner.RunAsync("node", [Validator, "validate", file]);
            Assert.That(exitCode, Is.Not.Zero);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
