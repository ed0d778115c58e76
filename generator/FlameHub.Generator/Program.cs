using FlameHub.Generator;
using FlameHub.Generator.Facts;
using FlameHub.Generator.Import;
using FlameHub.Generator.Normalize;
using FlameHub.Generator.PublicApi;
using FlameHub.Generator.Releases;
using FlameHub.Generator.Rules;

// import:    specs from a Hub's /docs pages or JSON documents → specs/
// normalize: specs/ → OpenAPI 3.0 documents and NSwag configurations for the build
// release-facts: a release folder's hub-release.json and its siblings' → the package's release facts (C#)
// public-api: the analyzers' RS0016/RS0017 findings → PublicAPI/**/PublicAPI.Unshipped.txt
try
{
    var (command, options) = CommandLine.Parse(args);
    using var cancellation = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancellation.Cancel(); };
    switch (command)
    {
        case "import":
        {
            var importer = new SpecImporter(options.Single("specs"));
            var result = await importer.ImportAsync(options.All("from"), options.Optional("hub-version"), options.Optional("authup-version"), cancellation.Token);
            foreach (var path in result.Written) Console.WriteLine($"import-specs: wrote {path}");
            foreach (var line in result.Summary) Console.WriteLine($"import-specs: {line}");
            return 0;
        }
        case "normalize":
        {
            var (documents, hubVersion) = DocumentNormalizer.ReadSpecs(options.Single("specs"));
            var normalizer = new DocumentNormalizer(new QuirksCatalog(options.Single("quirks")));
            var normalized = await normalizer.NormalizeAsync(documents, hubVersion, cancellation.Token);
            var outDir = Path.GetFullPath(options.Single("out"));
            var generatedDir = Path.GetFullPath(options.Single("generated"));
            var nswagTemplate = File.ReadAllText(options.Single("nswag"));
            foreach (var (service, document) in normalized)
            {
                var input = Path.Combine(outDir, service + ".openapi.json");
                var config = Path.Combine(outDir, service + ".nswag.json");
                var output = Path.Combine(generatedDir, Words.Pascal(service) + "Client.g.cs");
                var changed = CanonicalJson.WriteIfChanged(input, CanonicalJson.Write(document));
                changed |= CanonicalJson.WriteIfChanged(config,
                    NSwagConfigWriter.Write(nswagTemplate, Path.GetDirectoryName(Path.GetFullPath(options.Single("nswag")))!, service, input, output, SharedSchemaRule.SharedOf(document)));
                var excluded = ExcludedOperationRule.ExcludedOf(document);
                Console.WriteLine($"normalize: {service} {(changed ? "updated" : "unchanged")} ({HubDocumentFacts.CountOperations(document)} operations"
                    + (excluded.Count > 0 ? $", {excluded.Count} excluded)" : ")"));
                foreach (var (operation, reason) in excluded) Console.WriteLine($"normalize:   excluded {operation}: {reason}");
            }
            var factsChanged = ReleaseFactsWriter.Write(normalized, hubVersion, new QuirksCatalog(options.Single("quirks")), generatedDir);
            Console.WriteLine($"normalize: release facts {(factsChanged ? "updated" : "unchanged")}");
            return 0;
        }
        case "public-api":
        {
            // --dir PublicAPI/ --sarif net8.0=obj/.../net8.0.sarif --sarif net10.0=...: after a build that logged the analyzers' findings.
            var directory = Path.GetFullPath(options.Single("dir"));
            var byFramework = new SortedDictionary<string, ApiDiagnostics>(StringComparer.Ordinal);
            foreach (var pair in options.All("sarif"))
            {
                var split = pair.IndexOf('=', StringComparison.Ordinal);
                if (split <= 0) throw new GeneratorException($"--sarif expects framework=path, got '{pair}'.");
                byFramework[pair[..split]] = ApiDiagnostics.Read(pair[(split + 1)..]);
            }
            var changes = PublicApiUpdate.Apply(directory, byFramework);
            foreach (var change in changes)
            {
                Console.WriteLine($"public-api: {Path.GetRelativePath(directory, change.Path)} {change.What} (+{change.Added} -{change.Removed})");
            }
            if (changes.Count == 0) Console.WriteLine("public-api: the listing already matches the code, nothing written");
            return 0;
        }
        case "release-facts":
        {
            // --specs <the release's folder> --version <the package's version> --out <file.g.cs>
            var (own, supported) = ReleaseFacts.Read(options.Single("specs"), options.Single("version"));
            var output = Path.GetFullPath(options.Single("out"));
            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            var changed = CanonicalJson.WriteIfChanged(output, ReleaseFacts.WriteSource(own, supported));
            Console.WriteLine($"release-facts: Hub {own.Hub}, Authup {own.Authup}, package {own.Package}; supported Hub {string.Join(", ", supported.Select(l => l.Hub))}"
                + (changed ? "" : " (unchanged)"));
            return 0;
        }
        default:
            throw new GeneratorException($"unknown command '{command}'; use 'import', 'normalize', 'public-api' or 'release-facts'.");
    }
}
catch (GeneratorException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
