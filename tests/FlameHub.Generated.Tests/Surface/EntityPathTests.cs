using System.Reflection;
using System.Text.RegularExpressions;

namespace FlameHub.Generated.Tests.Surface;

/// <summary>
/// Each resource operation is typed with the entity its path serves: <c>/master-image-event-logs</c>
/// with <c>MasterImageEventLog</c>, not the analysis log (<c>Log</c>) a document happens to name; a create
/// or an update takes that entity's <c>Create…</c>/<c>Update…</c> body; a single record is one object, not a list.
/// </summary>
public partial class EntityPathTests
{
    [GeneratedRegex("(?<!^)(?=[A-Z])")]
    private static partial Regex WordStart();

    private enum Kind { List, Create, Get, Update, Replace, Delete }

    private sealed record ResourceOperation(string Operation, Kind Kind, string Collection, MethodInfo Method, Type Client);

    /// <summary>The operations on <c>/{collection}</c> and <c>/{collection}/{id}</c>; actions and sub-resources are not entity reads.</summary>
    private static IEnumerable<ResourceOperation> ResourceOperations()
    {
        foreach (var (client, method, operation) in GeneratedSurface.Operations())
        {
            var segments = operation.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (segments.Length is 0 or > 2 || segments[0].StartsWith('.') || segments[0].StartsWith('{')) continue;
            var hasId = segments.Length == 2;
            if (hasId && !segments[1].StartsWith('{')) continue;
            Kind? kind = (operation.Method, hasId) switch
            {
                ("GET", false) => Kind.List,
                ("POST", false) => Kind.Create,
                ("GET", true) => Kind.Get,
                ("POST", true) => Kind.Update,
                ("PUT", true) => Kind.Replace,
                ("DELETE", true) => Kind.Delete,
                _ => null,
            };
            if (kind is { } k) yield return new($"{operation.Method} {operation.Path}", k, segments[0], method, client);
        }
    }

    /// <summary>The model a resource operation is typed with; null for a delete of an entity without <c>Guid</c> id (no entity overload).</summary>
    private static Type? EntityOf(ResourceOperation op)
    {
        var result = op.Method.ReturnType.IsGenericType ? op.Method.ReturnType.GetGenericArguments()[0] : null;
        return op.Kind switch
        {
            Kind.List => result is { IsGenericType: true } list && list.GetGenericTypeDefinition() == typeof(HubList<>) ? list.GetGenericArguments()[0] : result,
            Kind.Delete => op.Client.GetMethods()
                .Where(m => m.Name == op.Method.Name)
                .Select(m => m.GetParameters().FirstOrDefault()?.ParameterType)
                .FirstOrDefault(t => t is not null && GeneratedSurface.Namespaces.Contains(t.Namespace)),
            _ => result,
        };
    }

    private static string[] WordsOf(string pascal) => WordStart().Split(pascal).Select(w => w.ToLowerInvariant()).ToArray();

    private static string Singular(string word) =>
        word.EndsWith("yses", StringComparison.Ordinal) ? word[..^2] + "is"
        : word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y"
        : word.EndsWith("ss", StringComparison.Ordinal) ? word
        : word.EndsWith('s') ? word[..^1]
        : word;

    /// <summary>
    /// <c>master-image-event-logs</c> ~ <c>MasterImageEventLog</c>; also accepted: the resource as
    /// the entity's leading words (<c>token</c> ~ <c>TokenGrantResponse</c>) or as the initials of its
    /// trailing words (<c>jwks</c> ~ <c>OAuth2JsonWebKey</c>: JSON Web Key), and the entity as the
    /// resource's trailing words (<c>analysis-logs</c> ~ <c>Log</c>: the role name of an entity the
    /// documents serve at several paths, <c>/analysis-logs</c> and <c>/analysis-node-logs</c> on 0.14.0).
    /// </summary>
    internal static bool Serves(string collection, string typeName)
    {
        var resource = collection.Split('-').ToArray();
        resource[^1] = Singular(resource[^1]);
        var entity = WordsOf(typeName);
        if (entity.SequenceEqual(resource) || entity.Take(resource.Length).SequenceEqual(resource)) return true;
        if (entity.Length < resource.Length && resource[^entity.Length..].SequenceEqual(entity)) return true;
        var initials = resource.Length == 1 ? resource[0] : null;
        return initials is not null && initials.Length > 1 && entity.Length >= initials.Length
            && string.Concat(entity[^initials.Length..].Select(w => w[0])) == initials;
    }

    [Test]
    public void Every_resource_operation_is_typed_with_the_entity_its_path_serves()
    {
        var operations = ResourceOperations().ToList();
        var mismatches = operations
            .Select(op => (op, Entity: EntityOf(op)))
            .Where(x => x.Entity is null ? x.op.Kind != Kind.Delete : !Serves(x.op.Collection, x.Entity.Name))
            .Select(x => $"{x.op.Client.Name}: {x.op.Operation} is typed {x.Entity?.Name ?? "with nothing"}")
            .ToList();

        Assert.That(operations, Has.Count.GreaterThan(150));
        Assert.That(mismatches, Is.Empty);
    }

    [Test]
    public void A_create_or_update_of_an_entity_takes_that_entitys_body_and_answers_one_record()
    {
        var wrong = new List<string>();
        foreach (var op in ResourceOperations().Where(o => o.Kind is Kind.Create or Kind.Update or Kind.Replace or Kind.Get))
        {
            var entity = EntityOf(op)!;
            if (entity.IsGenericType && entity.GetGenericTypeDefinition() != typeof(Nullable<>)) wrong.Add($"{op.Operation} answers {entity.Name}, not one record");
            if (entity.GetProperty("Id") is null || op.Kind == Kind.Get) continue;
            var body = op.Method.GetParameters().Single(p => p.Name == "body").ParameterType.Name;
            var expected = (op.Kind == Kind.Update ? "Update" : "Create") + entity.Name;
            if (body != expected) wrong.Add($"{op.Operation} takes {body}, not {expected}");
        }

        Assert.That(wrong, Is.Empty);
    }

    [TestCase("master-image-event-logs", "MasterImageEventLog", true)]
    [TestCase("master-image-event-logs", "AnalysisLog", false)]
    [TestCase("analysis-node-logs", "AnalysisLog", false)]
    [TestCase("analysis-logs", "Log", true)]
    [TestCase("analysis-logs", "NodeLog", false)]
    [TestCase("analyses", "Analysis", true)]
    [TestCase("registries", "Registry", true)]
    [TestCase("jwks", "OAuth2JsonWebKey", true)]
    [TestCase("jwks", "Jwk", true)]
    [TestCase("nodes", "Realm", false)]
    public void The_match_of_path_and_entity(string collection, string entity, bool serves) =>
        Assert.That(Serves(collection, entity), Is.EqualTo(serves));

    [Test]
    public void Master_image_event_logs_are_their_own_entity_and_include_their_master_image()
    {
        var core = typeof(FlameHub.Core.CoreClient);
        Assert.That(core.GetMethod("GetMasterImageEventLogAsync")!.ReturnType, Is.EqualTo(typeof(Task<FlameHub.Core.MasterImageEventLog?>)));
        Assert.That(typeof(FlameHub.Core.MasterImageEventLog).GetProperty("MasterImage")!.PropertyType, Is.EqualTo(typeof(FlameHub.Core.MasterImage)));
        var includes = (string[])core.GetField("MasterImageEventLogsIncludes", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
        Assert.That(includes, Is.EqualTo(new[] { "master_image" }));
    }

    [Test]
    public void Analysis_node_logs_are_their_own_entity_not_the_analysis_log()
    {
        var core = typeof(FlameHub.Core.CoreClient);
        Assert.That(core.GetMethod("GetAnalysisNodeLogAsync")!.ReturnType, Is.EqualTo(typeof(Task<FlameHub.Core.AnalysisNodeLog?>)));
        Assert.That(core.GetMethod("GetAnalysisLogAsync")!.ReturnType, Is.EqualTo(typeof(Task<FlameHub.Core.Log?>)));
    }

    [Test]
    public void Oidc_discovery_answers_one_document()
    {
        Assert.That(typeof(FlameHub.Auth.IAuthClient).GetMethod("GetOpenidConfigurationAsync")!.ReturnType,
            Is.EqualTo(typeof(Task<FlameHub.Auth.WellKnownOpenidConfiguration>)));
    }
}
