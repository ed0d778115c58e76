using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Rules;

/// <summary>
/// Schema names become the C# type names, so each is made a .NET name: PascalCase words, an
/// acronym written as a word (<c>OpenIDProviderMetadata</c> → <c>OpenIdProviderMetadata</c>,
/// <c>PermissionAPICheckResponse</c> → <c>PermissionApiCheckResponse</c>), no separators
/// (<c>Pick_Node.name_</c> style names lose them). Every reference and every extension that names
/// a schema follows. Two schemas that would get one name stop the build. Runs after
/// <see cref="SharedSchemaRule"/>, which pairs schemas by their served names.
/// </summary>
public sealed class SchemaNamingRule : INormalizationRule
{
    public void Apply(NormalizationContext context)
    {
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, _) in context.Schemas)
        {
            var dotNet = DotNetName(name);
            if (owners.TryGetValue(dotNet, out var other))
            {
                throw new GeneratorException($"{context.Service}: the schemas '{other}' and '{name}' would both be the type '{dotNet}'.");
            }
            owners[dotNet] = name;
            if (dotNet != name) renames[name] = dotNet;
        }
        SchemaReferences.RenameSchemas(context.Document, renames);
    }

    /// <summary>The words of <paramref name="name"/>, each capitalized: <c>OAuth2JsonWebKey</c> stays, <c>APICommand</c> → <c>ApiCommand</c>.</summary>
    public static string DotNetName(string name) =>
        string.Concat(Words.Split(name).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
