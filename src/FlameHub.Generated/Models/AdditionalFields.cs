using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FlameHub;

/// <summary>
/// A model's <c>AdditionalProperties</c>: the fields its type does not declare, as
/// <see cref="JsonElement"/> values. The serializer reads and writes <see cref="Tokens"/>; the
/// values are converted when they are read or assigned here, so no serializer type reaches the caller.
/// </summary>
internal sealed class AdditionalFields : IDictionary<string, JsonElement>
{
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 64 };

    /// <summary>The fields as the serializer holds them: what the Hub sent, and what is sent.</summary>
    public IDictionary<string, JToken> Tokens { get; } = new Dictionary<string, JToken>(StringComparer.Ordinal);

    /// <inheritdoc />
    public JsonElement this[string key]
    {
        get => ToElement(Tokens[key]);
        set => Tokens[key] = ToToken(value);
    }

    /// <inheritdoc />
    public ICollection<string> Keys => Tokens.Keys;

    /// <inheritdoc />
    public ICollection<JsonElement> Values => Tokens.Values.Select(ToElement).ToList();

    /// <inheritdoc />
    public int Count => Tokens.Count;

    /// <inheritdoc />
    public bool IsReadOnly => false;

    /// <inheritdoc />
    public void Add(string key, JsonElement value) => Tokens.Add(key, ToToken(value));

    /// <inheritdoc />
    public void Add(KeyValuePair<string, JsonElement> item) => Add(item.Key, item.Value);

    /// <inheritdoc />
    public void Clear() => Tokens.Clear();

    /// <inheritdoc />
    public bool Contains(KeyValuePair<string, JsonElement> item) =>
        Tokens.TryGetValue(item.Key, out var token) && SameJson(token, item.Value);

    /// <inheritdoc />
    public bool ContainsKey(string key) => Tokens.ContainsKey(key);

    /// <inheritdoc />
    public void CopyTo(KeyValuePair<string, JsonElement>[] array, int arrayIndex)
    {
        ArgumentNullException.ThrowIfNull(array);
        ArgumentOutOfRangeException.ThrowIfNegative(arrayIndex);
        if (array.Length - arrayIndex < Count) throw new ArgumentException("The array is too short.", nameof(array));
        foreach (var pair in this) array[arrayIndex++] = pair;
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, JsonElement>> GetEnumerator()
    {
        foreach (var (key, token) in Tokens) yield return new(key, ToElement(token));
    }

    /// <inheritdoc />
    public bool Remove(string key) => Tokens.Remove(key);

    /// <inheritdoc />
    public bool Remove(KeyValuePair<string, JsonElement> item) => Contains(item) && Tokens.Remove(item.Key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out JsonElement value)
    {
        if (Tokens.TryGetValue(key, out var token))
        {
            value = ToElement(token);
            return true;
        }
        value = default;
        return false;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The value as the client would send it, read back as a <see cref="JsonElement"/> that owns its memory.</summary>
    private static JsonElement ToElement(JToken token)
    {
        using var document = JsonDocument.Parse(JsonOf(token), ParseOptions);
        return document.RootElement.Clone();
    }

    /// <summary>The element's JSON text, sent as it is.</summary>
    private static JRaw ToToken(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Undefined)
        {
            throw new ArgumentException("The value is an empty JsonElement (default); use a parsed or serialized one.", nameof(value));
        }
        return new JRaw(value.GetRawText());
    }

    private static string JsonOf(JToken token)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        // A NaN or infinity (which Newtonsoft.Json reads from non-standard JSON) becomes a string, the only way JSON can hold it.
        using var writer = new JsonTextWriter(text) { Formatting = Formatting.None, FloatFormatHandling = FloatFormatHandling.String };
        token.WriteTo(writer);
        writer.Flush();
        return text.ToString();
    }

    private static bool SameJson(JToken token, JsonElement value) =>
        value.ValueKind != JsonValueKind.Undefined && JToken.DeepEquals(JToken.Parse(JsonOf(token)), JToken.Parse(value.GetRawText()));
}
