using FlameHub.Generator;
using FlameHub.Generator.Import;
using FlameHub.Generator.Normalize;
using FlameHub.Generator.PublicApi;
using FlameHub.Generator.Rules;

// import:    specs from a Hub's /docs pages or JSON documents → specs/
// normalize: specs/ → OpenAPI 3.0 documents and NSwag configurations for the build
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
                    + (excluded.Count > 0 ? $", {excluded.Count} excluded by the release's quirks)" : ")"));
                foreach (var (operation, reason) in excluded) Console.WriteLine($"normalize:   excluded {operation}: {reason}");
            }
            return 0;
        }
        case "public-api":
        {
            var references = File.ReadAllLines(options.Single("references")).Where(l => l.Length > 0);
            var listing = options.Single("listing");
            var update = options.Optional("update") == "true";
            var (added, removed) = PublicApiListing.Check(listing, PublicApiLister.List(options.Single("assembly"), references), update);
            if (added.Count == 0 && removed.Count == 0) return 0;
            if (update)
            {
                Console.WriteLine($"public-api: {Path.GetFileName(listing)} updated ({added.Count} added, {removed.Count} removed)");
                return 0;
            }
            Console.Error.WriteLine($"error: the public API changed ({added.Count} added, {removed.Count} removed) and {listing} does not say so. "
                + "Review the change, then run './build.sh update-public-api' and commit the listing with it.");
            foreach (var line in added.Take(20)) Console.Error.WriteLine("  + " + line);
            foreach (var line in removed.Take(20)) Console.Error.WriteLine("  - " + line);
            return 1;
        }
        default:
            throw new GeneratorException($"unknown command '{command}'; use 'import', 'normalize' or 'public-api'.");
    }
}
catch (GeneratorException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
