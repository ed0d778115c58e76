using FlameHub.Generator.Normalize;

namespace FlameHub.Generator.Rules;

/// <summary>
/// Gives every operation a unique, readable operationId from its method and path; the served
/// ids are controller method names (<c>GetMany</c> sixteen times in auth). CRUD reads as
/// <c>listNodes</c>, <c>getNode</c>, <c>createNode</c>, <c>updateNode</c>, <c>replaceRealm</c>,
/// <c>deleteNode</c>; other paths read through the Hub's action words below. A name that still
/// collides stops the build: a new Hub word needs a line in <see cref="ActionPhrases"/>.
/// </summary>
public sealed class OperationNamingRule : INormalizationRule
{
    public const string ResourceExtension = "x-flamehub-resource";
    public const string KindExtension = "x-flamehub-kind";

    /// <summary>
    /// The Hub's action segments and how they read; <c>{R}</c> is the resource's singular.
    /// Keys may name the method (<c>get introspect</c>) when one word serves two methods, and may
    /// be several words (<c>client/credentials</c>) when the last alone does not say enough.
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, string> ActionPhrases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["command"] = "run{R}Command",
        ["upload"] = "uploadTo{R}",
        ["stream"] = "stream{R}",
        ["check"] = "check{R}",
        ["hook"] = "handle{R}Hook",
        ["integrity"] = "check{R}Integrity",
        ["expanded"] = "getExpanded{R}",
        ["get introspect"] = "get{R}Introspection",
        ["introspect"] = "introspect{R}",
        ["revoke"] = "revoke{R}",
        ["activate"] = "activate{R}",
        ["register"] = "register{R}",
        ["password-forgot"] = "request{R}PasswordReset",
        ["password-reset"] = "reset{R}Password",
        // A collection that is itself a verb.
        ["post authorize"] = "authorize",
        // Hub 0.14: an item's own Authup client (nodes, analyses) and its credentials and permissions.
        ["post client/credentials"] = "set{R}ClientCredentials",
        ["post client/permissions"] = "add{R}ClientPermission",
        ["link-confirm"] = "confirm{R}Link",
        ["link-request"] = "request{R}Link",
    };

    public void Apply(NormalizationContext context)
    {
        var byName = new Dictionary<string, Operation>(StringComparer.Ordinal);
        foreach (var op in context.Operations)
        {
            // GET /userinfo answers one object, not a list: it reads as getUserinfo and is no list.
            var readsOne = op.Shape.Kind == OperationKind.List && OpenApiJson.SuccessResponse(op.Node) is { } success
                && ListEnvelopeRule.ItemsOf(context, OpenApiJson.JsonContentSchema(success.Response)) is null;
            var name = readsOne ? "get" + Words.Pascal(op.Shape.Collection!) : NameOf(op.Shape);
            if (byName.TryGetValue(name, out var other))
            {
                throw new GeneratorException(
                    $"{context.Service}: '{op}' and '{other}' would both be named '{name}'; add a phrase for the Hub's new word to {nameof(OperationNamingRule)}.{nameof(ActionPhrases)}.");
            }
            byName[name] = op;
            op.OperationId = name;
            op.Node[KindExtension] = readsOne ? "action" : Words.Camel(op.Shape.Kind.ToString());
            if (op.Shape.Collection is { } collection && !collection.StartsWith('.'))
            {
                op.Node[ResourceExtension] = collection;
            }
        }
    }

    internal static string NameOf(OperationShape shape)
    {
        var plural = shape.Collection is null ? "" : Words.Pascal(shape.Collection);
        var singular = shape.Collection is null || shape.Collection.StartsWith('.') ? "" : Words.Pascal(Words.Singular(shape.Collection));
        switch (shape.Kind)
        {
            case OperationKind.Root: return "getStatus";
            case OperationKind.List: return "list" + plural;
            case OperationKind.Get: return "get" + singular;
            case OperationKind.Update: return "update" + singular;
            case OperationKind.Replace: return "replace" + singular;
            case OperationKind.Delete: return "delete" + singular;
            case OperationKind.Create:
                return Phrase(shape.Method, shape.Collection!, "") ?? "create" + singular;
        }

        // Actions: /{collection}[/{id}]/{word}[/...]
        var literals = shape.Rest.Where(s => !OperationShape.IsParameter(s)).ToList();
        var endsWithParameter = shape.Rest.Count > 0 && OperationShape.IsParameter(shape.Rest[^1]);
        if (literals.Count >= 1 && !endsWithParameter && Phrase(shape.Method, string.Join('/', literals), singular) is { } phrase)
        {
            return phrase;
        }
        var words = literals.Select((w, i) => i == literals.Count - 1 && endsWithParameter ? Words.Singular(w) : w)
            .Where(w => !w.StartsWith('.') || literals.Count == 1)
            .Select(Words.Pascal);
        var verb = shape.Method switch { "get" => "get", "post" => "post", "put" => "put", "delete" => "delete", _ => shape.Method };
        return verb + (shape.HasItemId || shape.Collection!.StartsWith('.') ? singular : plural) + string.Concat(words);
    }

    private static string? Phrase(string method, string word, string resource) =>
        (ActionPhrases.TryGetValue(method + " " + word, out var phrase) || ActionPhrases.TryGetValue(word, out phrase))
            ? phrase.Replace("{R}", resource, StringComparison.Ordinal)
            : null;
}
