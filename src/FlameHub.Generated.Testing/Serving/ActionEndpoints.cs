using System.Text.Json.Nodes;
using FlameHub.Testing.Model;

namespace FlameHub.Testing.Serving;

/// <summary>
/// Serves the actions the documents declare on <c>/{resource}/{id}/{segment}</c> (<see cref="ActionModel"/>)
/// by the release's rules in fake.json <c>actions</c> (<see cref="ActionRules"/>): the command named in the
/// body is checked against the document's values, the entity's checks run in order, and the first that
/// fails answers the release's refusal; otherwise the command's fields are set and the entity answered.
/// Callers hold <see cref="HubState.Gate"/>.
/// </summary>
internal sealed class ActionEndpoints(HubState state, FakeQuirks quirks, IEnumerable<ActionModel> actions, Func<string, CollectionModel?> bySchema, Func<string, CollectionModel?> byResource)
{
    // Only the actions the release has rules for are served; any other stays the unknown path it was.
    private readonly Dictionary<ActionModel, ActionRules> _rules = actions
        .Select(a => (Action: a, Rules: quirks.ActionRules(a)))
        .Where(r => r.Rules is not null).ToDictionary(r => r.Action, r => r.Rules!);

    /// <summary>The action <paramref name="method"/> <c>/{resource}/{id}/{segment}</c> of the collection, where the release has rules for it.</summary>
    public ActionModel? Find(CollectionModel collection, string segment, string method) =>
        _rules.Keys.FirstOrDefault(a => a.Service == collection.Service && a.Resource == collection.Resource && a.Segment == segment && a.Method == method);

    public HttpResponseMessage Run(CollectionModel collection, ActionModel action, string id, JsonObject? body)
    {
        body ??= [];
        var rules = _rules[action];
        var name = ListQuery.Text(body[rules.Selector]);
        var allowed = action.Body?.ByName(rules.Selector)?.Enum;
        if (name is null || (allowed is not null && !allowed.Contains(name))) return Unknown(collection, rules, body);
        if (state.Find(collection, id) is not { } entity) return Answer.Error(quirks.Error(collection.Service, "notFound"));
        // A command of the document without rules in fake.json answers the entity unchanged.
        if (rules.Commands.TryGetValue(name, out var command))
        {
            foreach (var check in command.Checks)
            {
                if (!Passes(collection, entity, check)) return Answer.Error(rules.Refusal, values: new Dictionary<string, string> { ["message"] = Message(check.Message, entity) });
            }
            foreach (var (field, value) in command.Set) entity[field] = value?.DeepClone();
            if (command.Set.Count > 0 && collection.Entity.ByKey("updatedat") is { } updated) entity[updated.Name] = state.Now();
        }
        var answer = new ListQuery().Select(entity, collection.Entity, quirks.HiddenFields(collection.Resource));
        return Answer.Record(action.Answer with { Status = rules.Status ?? action.Answer.Status }, answer);
    }

    private HttpResponseMessage Unknown(CollectionModel collection, ActionRules rules, JsonObject body) =>
        rules.Unknown is { } own
            ? Answer.Error(own)
            : Answer.Error(quirks.Error(collection.Service, rules.UnknownError ?? "validation"), [rules.Selector], sent: body);

    private bool Passes(CollectionModel collection, JsonObject entity, ActionCheck check)
    {
        if (check.Field is { } field)
        {
            var value = ListQuery.Text(entity[field]);
            return (check.In is null || check.In.Select(ListQuery.Text).Contains(value)) && (check.NotIn is null || !check.NotIn.Select(ListQuery.Text).Contains(value));
        }
        if (check.Count is null || byResource(check.Count) is not { } counted || check.By is null) return true;
        var id = HubState.Id(entity);
        var matching = state.Of(counted).Count(other =>
            string.Equals(ListQuery.Text(other[check.By]), id, StringComparison.OrdinalIgnoreCase)
            && check.Where.All(w => Value(counted, other, w.Key) == ListQuery.Text(w.Value)));
        return matching >= check.AtLeast;
    }

    /// <summary>A field of <paramref name="entity"/>, or with <c>relation.field</c> one of the entity its relation names.</summary>
    private string? Value(CollectionModel collection, JsonObject entity, string path)
    {
        var dot = path.IndexOf('.');
        if (dot < 0) return ListQuery.Text(entity[path]);
        if (collection.Entity.ByName(path[..dot]) is not { IncludedSchema: { } schema } relation || bySchema(schema) is not { } target) return null;
        var key = collection.Entity.ByKey(relation.Key + "id");
        var related = key is null || ListQuery.Text(entity[key.Name]) is not { } id ? null : state.Find(target, id);
        return related is null ? null : Value(target, related, path[(dot + 1)..]);
    }

    private static string Message(string template, JsonObject entity)
    {
        foreach (var (name, value) in entity) template = template.Replace("{" + name + "}", ListQuery.Text(value) ?? "null", StringComparison.Ordinal);
        return template;
    }
}
