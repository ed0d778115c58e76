using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Rules;

/// <summary>
/// The Hub's TypeScript types leak into schema names: <c>PartialNode</c> (core's responses),
/// <c>BucketFileEntity</c> (storage), <c>NonNullablePolicyData</c> (Authup's bodies). Each such
/// alias means the type <c>Node</c>, <c>BucketFile</c> or <c>PolicyData</c>: references move to
/// it when it exists, else the alias is renamed to it. <c>NonNullable&lt;T&gt;</c> only strips
/// <c>null</c> and <c>undefined</c> from a union, so on an object type it is the type itself; the
/// served copy merely lists every field as required.
/// </summary>
public sealed partial class EntityAliasRule : INormalizationRule
{
    [GeneratedRegex("^(?:Partial|NonNullable)(?<entity>[A-Z][A-Za-z0-9]*)$|^(?<entity>[A-Z][A-Za-z0-9]*)Entity$")]
    private static partial Regex AliasPattern();

    public void Apply(NormalizationContext context)
    {
        var schemas = context.Schemas;
        var renames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in schemas.Select(s => s.Key).ToList())
        {
            var match = AliasPattern().Match(name);
            if (!match.Success) continue;
            var entity = match.Groups["entity"].Value;
            renames[name] = entity;
            var alias = schemas[name]!;
            schemas.Remove(name);
            if (!schemas.ContainsKey(entity)) schemas[entity] = alias;
        }
        SchemaReferences.Rename(context.Document, renames);
    }
}
