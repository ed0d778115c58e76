using System.Text.Json.Nodes;
using FlameHub.Generator.Import;
using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Rules;

/// <summary>
/// Core's document repeats Authup's entities (<c>User</c>, <c>Realm</c>, <c>Permission</c>…).
/// A schema of core or storage that is identical to the auth schema of the same name is
/// Authup's type: it is listed in <c>x-flamehub-shared-schemas</c> so that the generated code
/// uses <c>FlameHub.Auth</c>'s class instead of a second class of the same name.
/// </summary>
public sealed class SharedSchemaRule : INormalizationRule
{
    public const string Extension = "x-flamehub-shared-schemas";

    public void Apply(NormalizationContext context)
    {
        if (context.Service == HubService.Auth || !context.Served.TryGetValue(HubService.Auth, out var auth)) return;
        var authSchemas = OpenApiJson.Schemas(auth);
        var served = OpenApiJson.Schemas(context.Served[context.Service]);
        var shared = served
            .Where(s => authSchemas[s.Key] is { } twin && JsonNode.DeepEquals(twin, s.Value))
            .Select(s => s.Key)
            .Where(context.Schemas.ContainsKey)
            .ToHashSet(StringComparer.Ordinal);
        // What the rules derived from a shared schema (its hoisted enums) is shared too when auth has it;
        // a schema the service serves itself is shared only if it was identical above.
        var authNormalized = context.Normalized.TryGetValue(HubService.Auth, out var a) ? OpenApiJson.Schemas(a) : [];
        var pending = new Stack<string>(shared);
        while (pending.TryPop(out var name))
        {
            foreach (var next in SchemaReferences.In(context.Schemas[name]))
            {
                if (!served.ContainsKey(next) && authNormalized.ContainsKey(next) && shared.Add(next)) pending.Push(next);
            }
        }
        var sharedList = shared.Order(StringComparer.Ordinal).ToList();
        if (sharedList.Count > 0) context.Document[Extension] = new JsonArray(sharedList.Select(n => (JsonNode)n).ToArray());
    }

    public static IReadOnlyList<string> SharedOf(JsonObject document) =>
        (document[Extension] as JsonArray)?.Select(n => n!.GetValue<string>()).ToList() ?? [];
}
