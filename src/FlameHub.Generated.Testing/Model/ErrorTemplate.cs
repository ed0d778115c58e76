using System.Text.Json.Nodes;

namespace FlameHub.Testing.Model;

/// <summary>
/// One failed rule of a refused body: the attribute, the rule (<c>required</c>, <c>enum</c>,
/// <c>uuid</c>, <c>minLength</c>; null where no rule is named) and the values its issue template
/// takes, such as <c>min</c> or <c>allowed</c>.
/// </summary>
/// <param name="Attribute">The refused attribute, as sent.</param>
/// <param name="Rule">The failed rule; null where none is named.</param>
/// <param name="Optional">Whether the operation takes the body without the attribute (validup stamps such issues <c>meta.optional</c>).</param>
internal sealed record Refusal(string Attribute, string? Rule = null, bool Optional = false)
{
    public IReadOnlyDictionary<string, JsonNode?> Values { get; init; } = new Dictionary<string, JsonNode?>();
}

/// <summary>An error answer of a service: its status and body template (generator/quirks/hub-&lt;release&gt;/fake.json).</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The body template.</param>
/// <param name="Item">The item every refusal gets, whatever its rule (0.8.13's <c>children</c>); null where each rule has its own.</param>
internal sealed record ErrorTemplate(int Status, JsonObject Body, JsonObject? Item = null)
{
    /// <summary><c>one</c>, <c>many</c> and <c>none</c>: what <c>{message}</c> says for so many distinct attributes.</summary>
    public JsonObject? Messages { get; init; }

    /// <summary>The issue template of each rule (fake.json <c>validation.issues</c>), its <c>optional</c> stamp and its <c>list</c> format.</summary>
    public JsonObject? Issues { get; init; }

    /// <summary>
    /// The body, with <c>{attributes}</c> (the distinct attributes joined by ", "), <c>{message}</c>
    /// (<see cref="Messages"/> for that many) and <c>{attributeList}</c> (each refusal's attribute)
    /// filled in, <c>{attributeItems}</c> with one item per refusal, and any other <c>{name}</c>
    /// from <paramref name="values"/>.
    /// </summary>
    public JsonObject Render(IReadOnlyList<string>? attributes = null, IReadOnlyDictionary<string, string>? values = null, JsonObject? sent = null) =>
        Render((attributes ?? []).Select(a => new Refusal(a)).ToArray(), values, sent);

    /// <inheritdoc cref="Render(IReadOnlyList{string}?, IReadOnlyDictionary{string, string}?, JsonObject?)"/>
    public JsonObject Render(IReadOnlyList<Refusal> refusals, IReadOnlyDictionary<string, string>? values = null, JsonObject? sent = null)
    {
        var distinct = refusals.Select(r => r.Attribute).Distinct().ToArray();
        var texts = new Dictionary<string, JsonNode?> { ["attributes"] = string.Join(", ", distinct) };
        foreach (var (name, value) in values ?? new Dictionary<string, string>()) texts[name] = value;
        if ((Messages?[distinct.Length switch { 0 => "none", 1 => "one", _ => "many" }] ?? Messages?["many"]) is JsonValue message)
            texts["message"] = Fill(message, texts).Node;
        texts["attributeList"] = new JsonArray(refusals.Select(r => (JsonNode)JsonValue.Create(r.Attribute)).ToArray());
        texts["attributeItems"] = new JsonArray(refusals.Select(r => ItemFor(r, sent)).OfType<JsonNode>().ToArray());

        var body = new JsonObject();
        foreach (var (key, value) in Body)
        {
            // Only the body's own texts are filled: an object or array in the template is sent as written.
            var (present, node) = value is JsonValue ? Fill(value, texts) : (true, value?.DeepClone());
            if (present) body[key] = node;
        }
        return body;
    }

    /// <summary>The refusal's item: <see cref="Item"/>, else its rule's issue (stamped <c>optional</c> where the attribute is); null for neither.</summary>
    private JsonNode? ItemFor(Refusal refusal, JsonObject? sent)
    {
        var template = Item ?? (refusal.Rule is { } rule ? Issues?[rule] as JsonObject : null);
        if (template is null) return null;
        var values = new Dictionary<string, JsonNode?>(refusal.Values) { ["attribute"] = refusal.Attribute };
        if (sent is not null && sent.TryGetPropertyValue(refusal.Attribute, out var received)) values["received"] = received;
        var item = Fill(template, values).Node!.AsObject();
        if (Item is null && refusal.Optional && Issues?["optional"] is JsonObject stamp)
        {
            foreach (var (key, value) in stamp.Where(s => s.Key != "evidence")) item[key] = value?.DeepClone();
        }
        return item;
    }

    /// <summary>
    /// A template with its placeholders filled: a text that is one <c>{name}</c> becomes that value
    /// (a number stays a number), or is left out where <paramref name="values"/> has no such name
    /// (as a JavaScript <c>undefined</c>); other texts get each <c>{name}</c> replaced by the value's
    /// text, a list as <see cref="Issues"/>' <c>list</c> format writes it. <c>evidence</c> keys are dropped.
    /// </summary>
    private (bool Present, JsonNode? Node) Fill(JsonNode? template, IReadOnlyDictionary<string, JsonNode?> values)
    {
        switch (template)
        {
            case JsonObject obj:
                var filled = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    if (key == "evidence") continue;
                    var (present, node) = Fill(value, values);
                    if (present) filled[key] = node;
                }
                return (true, filled);
            case JsonArray array:
                return (true, new JsonArray(array.Select(i => Fill(i, values)).Where(f => f.Present).Select(f => f.Node).ToArray()));
            case JsonValue value when value.TryGetValue<string>(out var text):
                if (text.Length > 2 && text[0] == '{' && text[^1] == '}' && text.IndexOf('{', 1) < 0)
                {
                    var name = text[1..^1];
                    if (values.TryGetValue(name, out var whole)) return (true, whole?.DeepClone());
                    if (IsPlaceholderOfItems(name)) return (false, null);
                }
                foreach (var (name, replacement) in values) text = text.Replace("{" + name + "}", Text(replacement), StringComparison.Ordinal);
                return (true, JsonValue.Create(text));
            default:
                return (true, template?.DeepClone());
        }
    }

    /// <summary>The names an item's values may lack: <c>received</c> for an attribute not sent.</summary>
    private static bool IsPlaceholderOfItems(string name) => name is "received";

    private string Text(JsonNode? value)
    {
        if (value is not JsonArray list) return value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "";
        var format = Issues?["list"] as JsonObject;
        var item = format?["item"]?.GetValue<string>() ?? "{value}";
        var separator = format?["separator"]?.GetValue<string>() ?? ", ";
        return string.Join(separator, list.Select(i => item.Replace("{value}", Text(i), StringComparison.Ordinal)));
    }
}
