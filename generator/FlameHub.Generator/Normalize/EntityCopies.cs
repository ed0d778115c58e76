using System.Text.Json.Nodes;
using FlameHub.Generator.Rules;

namespace FlameHub.Generator.Normalize;

/// <summary>
/// A copy of an entity is that entity: a component with the same properties as what a
/// collection answers, but for what it promises (which fields are required, which are not
/// null). The Hub's documents serve a TypeScript type <c>T</c> beside its
/// <c>Partial&lt;T&gt;</c> (nothing required), <c>NonNullable&lt;T&gt;</c> (everything
/// required) or its database entity class, and answer with one where the entity's relations
/// hold another. The entity then promises only what every copy promises: a field is required
/// when every copy requires it, and may be null when any copy says so. Repeated until nothing
/// merges (merging two types can make the types that hold them copies). Other look-alikes
/// (two operations' answers or bodies of one shape) stay apart.
/// </summary>
internal static class EntityCopies
{
    /// <summary>Merges the copies in place; returns merged name → kept name.</summary>
    public static Dictionary<string, string> Merge(JsonObject document, JsonObject schemas)
    {
        var entities = OpenApiJson.Operations(document)
            .Where(o => o.Shape.Kind is not (OperationKind.Root or OperationKind.Action))
            .SelectMany(SchemaRoleNames.SuccessSchemas)
            .Select(s => SchemaRoleNames.Record(schemas, s)?.Name)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var merged = new Dictionary<string, string>(StringComparer.Ordinal);
        while (true)
        {
            var renames = new Dictionary<string, string>(StringComparer.Ordinal);
            var groups = schemas
                .Where(s => s.Value is JsonObject { } o && o["properties"] is JsonObject { Count: > 0 })
                .GroupBy(s => CopyKey((JsonObject)s.Value!), StringComparer.Ordinal);
            foreach (var group in groups)
            {
                if (group.Count() < 2) continue;
                if (!group.Any(m => entities.Contains(m.Key)))
                {
                    RequireNoMoreThanTwins(group.Select(m => (JsonObject)m.Value!).ToList());
                    continue;
                }
                if (group.Count(m => entities.Contains(m.Key)) != 1) continue;
                var members = group.OrderBy(m => entities.Contains(m.Key) ? 0 : 1).ToList();
                var kept = (JsonObject)members[0].Value!;
                var required = members.Select(m => OpenApiJson.RequiredOf((JsonObject)m.Value!))
                    .Aggregate((a, b) => a.Intersect(b, StringComparer.Ordinal).ToList());
                OpenApiJson.SetRequired(kept, required);
                foreach (var (property, node) in (JsonObject)kept["properties"]!)
                {
                    if (members.Any(m => m.Value!["properties"]![property]?["nullable"]?.GetValue<bool>() == true)) node!["nullable"] = true;
                }
                foreach (var (name, _) in members.Skip(1)) renames[name] = members[0].Key;
            }
            if (renames.Count == 0) return merged;
            foreach (var name in renames.Keys) schemas.Remove(name);
            SchemaReferences.Rename(document, renames);
            foreach (var (copy, kept) in renames) merged[copy] = kept;
        }
    }

    /// <summary>
    /// Look-alikes that are no entity stay apart, but a copy that requires every field is the
    /// <c>NonNullable&lt;T&gt;</c> of a twin that does not (Authup's permission check takes
    /// <c>NonNullable&lt;PolicyData&gt;</c>, the policy check <c>PolicyData</c>, one validator): it
    /// requires only what its twins require.
    /// </summary>
    private static void RequireNoMoreThanTwins(IReadOnlyList<JsonObject> twins)
    {
        bool RequiresAll(JsonObject s) => ((JsonObject)s["properties"]!).All(p => OpenApiJson.RequiredOf(s).Contains(p.Key));
        var lax = twins.Where(t => !RequiresAll(t)).ToList();
        if (lax.Count == 0) return;
        var required = lax.Select(OpenApiJson.RequiredOf).Aggregate((a, b) => a.Intersect(b, StringComparer.Ordinal).ToList());
        foreach (var strict in twins.Where(RequiresAll)) OpenApiJson.SetRequired(strict, required);
    }

    /// <summary>A schema without its promises: no <c>required</c>, no property's <c>nullable</c>.</summary>
    private static string CopyKey(JsonObject schema)
    {
        var copy = (JsonObject)schema.DeepClone();
        copy.Remove("required");
        foreach (var (_, property) in (JsonObject)copy["properties"]!)
        {
            if (property is JsonObject p) p.Remove("nullable");
        }
        return CanonicalJson.Write(CanonicalJson.Sort(copy)!);
    }
}
