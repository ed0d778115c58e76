using System.Text.Json.Nodes;

namespace FlameHub.Testing.Model;

/// <summary>The facts of the release the documents cannot give: fake.json of its quirks folder.</summary>
internal sealed class FakeQuirks
{
    private readonly JsonObject _data;

    private FakeQuirks(JsonObject data)
    {
        _data = data;
        Auth = AuthQuirks.Read(data);
        Transfers = TransferQuirks.Read(data["transfers"] as JsonObject ?? []);
        RateLimit = new RateLimitQuirks(data["rateLimit"] as JsonObject ?? []);
    }

    /// <summary>Grants, seeded accounts and how each service checks credentials.</summary>
    public AuthQuirks Auth { get; }

    /// <summary>How downloads answer and what deleting a collection's owner does (<c>transfers</c>).</summary>
    public TransferQuirks Transfers { get; }

    /// <summary>How the release's rate limiter answers (<c>rateLimit</c>).</summary>
    public RateLimitQuirks RateLimit { get; }

    /// <summary>The rules of one action of the release (<c>actions</c>), null where it has none.</summary>
    public ActionRules? ActionRules(ActionModel action) => Model.ActionRules.Read(_data, action.Service, action.Resource, action.Segment);

    public static FakeQuirks Load() => new(EmbeddedData.Quirks("fake"));

    public int DefaultPageSize => _data["page"]!["default"]!.GetValue<int>();

    public int MaxPageSize => _data["page"]!["max"]!.GetValue<int>();

    public TimeSpan TokenLifetime => TimeSpan.FromSeconds(_data["token"]!["expiresIn"]!.GetValue<int>());

    /// <summary>The auth collection the seeded realm is created in.</summary>
    public string RealmResource => _data["seed"]!["realmResource"]!.GetValue<string>();

    /// <summary>The auth collection of users: the seeded admin, and where the password grant looks users up.</summary>
    public string UserResource => _data["seed"]!["userResource"]!.GetValue<string>();

    public string SeedRealm => _data["seed"]!["realm"]!.GetValue<string>();

    public string SeedUser => _data["seed"]!["user"]!.GetValue<string>();

    public string SeedPassword => _data["seed"]!["password"]!.GetValue<string>();

    public IReadOnlyList<string> UniqueFields(string resource) =>
        (_data["unique"]?["fields"]?[resource] as JsonArray)?.Select(f => f!.GetValue<string>()).ToArray() ?? [];

    /// <summary>The shortest text a field of <paramref name="resource"/> takes (fake.json <c>validation.minLength</c>), by field name.</summary>
    public IReadOnlyDictionary<string, int> MinLengths(string resource) =>
        (_data["validation"]?["minLength"]?[resource] as JsonObject)?.ToDictionary(f => f.Key, f => f.Value!.GetValue<int>()) ?? [];

    /// <summary>The fields a create of <paramref name="resource"/> requires where the document does not say so (fake.json <c>validation.required</c>).</summary>
    public IReadOnlyList<string> RequiredFields(string resource) => Strings(_data["validation"]?["required"]?[resource]);

    /// <summary>
    /// The fields a read leaves out unless <c>fields=+name</c> asks for them (fake.json <c>fields.hidden</c>);
    /// <paramref name="onDelete"/> gives those of a delete's answer where the release differs (<c>fields.hiddenOnDelete</c>).
    /// </summary>
    public IReadOnlyList<string> HiddenFields(string resource, bool onDelete = false) =>
        Strings((onDelete ? _data["fields"]?["hiddenOnDelete"]?[resource] : null) ?? _data["fields"]?["hidden"]?[resource]);

    /// <summary>Entity fields a create fills from the caller when not sent, by field key: <c>realmid</c> to <c>realm</c> (fake.json <c>actor</c>).</summary>
    public IReadOnlyDictionary<string, string> ActorFields =>
        (_data["actor"]?["fields"] as JsonObject)?.ToDictionary(f => f.Key, f => f.Value!.GetValue<string>()) ?? [];

    /// <summary>The meta fields of a list asked for without <c>page[...]</c>, when the release leaves some out; null for all.</summary>
    public IReadOnlyList<string>? MetaWithoutPage => _data["page"]?["metaWithoutPage"] is JsonArray fields ? Strings(fields) : null;

    /// <summary>Whether the Hub pages <paramref name="resource"/> when the request does not (fake.json <c>page.pagedByDefault</c>).</summary>
    public bool PagedByDefault(string resource) => Strings(_data["page"]?["pagedByDefault"]).Contains(resource);

    /// <summary>The template of <c>meta.schema</c> for a list or a record answer (fake.json <c>meta.schema</c>); null where the release sends none.</summary>
    public JsonObject? MetaSchema(string service, string answer) =>
        (_data["meta"]?["schema"]?["services"]?[service]?[answer] ?? _data["meta"]?["schema"]?[answer]) as JsonObject;

    /// <summary>The relations <c>meta.schema</c> names for <paramref name="resource"/> where they are not its includable ones; null for those.</summary>
    public IReadOnlyList<string>? MetaRelations(string resource) =>
        _data["meta"]?["schema"]?["relations"]?[resource] is JsonArray relations ? Strings(relations) : null;

    /// <summary>The answer to a path the service does not serve, where fake.json gives it (<c>errors.unknownPath</c>).</summary>
    public ErrorTemplate? UnknownPath(string service) =>
        _data["services"]?[service]?["errors"]?["unknownPath"] is JsonObject error ? new ErrorTemplate(error["status"]!.GetValue<int>(), error["body"]!.AsObject()) : null;

    /// <summary>The relations a delete's answer embeds, by resource (fake.json <c>fields.deleteIncludes</c>).</summary>
    public IReadOnlyList<string> DeleteIncludes(string resource) => Strings(_data["fields"]?["deleteIncludes"]?[resource]);

    /// <summary>Entities the release starts with beyond the realm and the admin, by resource (fake.json <c>seed.entities</c>).</summary>
    public JsonObject SeedEntities => _data["seed"]?["entities"] as JsonObject ?? [];

    private static string[] Strings(JsonNode? node) => (node as JsonArray)?.Select(f => f!.GetValue<string>()).ToArray() ?? [];

    public JsonObject Status(string service) => (_data["services"]?[service]?["status"] as JsonObject)?.DeepClone().AsObject() ?? [];

    public ErrorTemplate Error(string service, string kind)
    {
        var error = _data["services"]?[service]?["errors"]?[kind] as JsonObject
            ?? throw new InvalidOperationException($"fake.json gives no '{kind}' error for {service}.");
        return new ErrorTemplate(error["status"]!.GetValue<int>(), error["body"]!.AsObject(), error["item"] as JsonObject)
        {
            Messages = error["messages"] as JsonObject,
            Issues = _data["validation"]?["issues"] as JsonObject,
        };
    }

    /// <summary>How the release's validators read a missing or empty value (fake.json <c>validation.rules</c>).</summary>
    public ValidationRules ValidationRules => ValidationRules.Read(_data["validation"]?["rules"] as JsonObject);
}
