using System.Text.Json.Nodes;

namespace FlameHub.Testing.Model;

/// <summary>An error answer of a service: its status and body template (generator/quirks/hub-&lt;release&gt;/fake.json).</summary>
internal sealed record ErrorTemplate(int Status, JsonObject Body)
{
    /// <summary>
    /// The body, with <c>{attributes}</c> and <c>{attributeList}</c> filled in from
    /// <paramref name="attributes"/>, and any other <c>{name}</c> from <paramref name="values"/>.
    /// </summary>
    public JsonObject Render(IReadOnlyList<string>? attributes = null, IReadOnlyDictionary<string, string>? values = null)
    {
        var body = Body.DeepClone().AsObject();
        foreach (var (key, value) in body.ToArray())
        {
            if (value is not JsonValue text || !text.TryGetValue<string>(out var s)) continue;
            if (s == "{attributeList}")
            {
                body[key] = new JsonArray((attributes ?? []).Select(a => (JsonNode)JsonValue.Create(a)).ToArray());
                continue;
            }
            s = s.Replace("{attributes}", string.Join(", ", attributes ?? []), StringComparison.Ordinal);
            foreach (var (name, replacement) in values ?? new Dictionary<string, string>()) s = s.Replace("{" + name + "}", replacement, StringComparison.Ordinal);
            body[key] = s;
        }
        return body;
    }
}

/// <summary>The facts of the release the documents cannot give: fake.json of its quirks folder.</summary>
internal sealed class FakeQuirks
{
    private readonly JsonObject _data;

    private FakeQuirks(JsonObject data) => _data = data;

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

    public JsonObject Status(string service) => (_data["services"]?[service]?["status"] as JsonObject)?.DeepClone().AsObject() ?? [];

    public ErrorTemplate Error(string service, string kind)
    {
        var error = _data["services"]?[service]?["errors"]?[kind] as JsonObject
            ?? throw new InvalidOperationException($"fake.json gives no '{kind}' error for {service}.");
        return new ErrorTemplate(error["status"]!.GetValue<int>(), error["body"]!.AsObject());
    }
}
