using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FlameHub.Generated.Tests.Contract;

/// <summary>
/// Checks a typed model against the JSON it was read from, generically: every member of the JSON
/// must land in a property whose <c>[JsonProperty]</c> name is the member's name, non-null where the
/// JSON value is non-null and equal to it; a nested object must be a typed model, checked the same
/// way. A member with no property (it would sit in <c>AdditionalProperties</c>) or a property that
/// failed to bind is reported, all of them at once.
/// </summary>
internal static class ModelAssert
{
    /// <summary>Checks <paramref name="model"/> against <paramref name="json"/>.</summary>
    public static void Populated(object? model, JsonNode? json) =>
        Assert.That(Failures(model, json), Is.Empty, "model vs. recorded JSON");

    /// <summary>What <see cref="Populated"/> finds wrong, one line per member; empty when the model matches.</summary>
    public static IReadOnlyList<string> Failures(object? model, JsonNode? json)
    {
        var failures = new List<string>();
        Walk(model, model?.GetType() ?? typeof(object), json, "$", failures);
        return failures;
    }

    /// <summary>Checks a list against a recorded <c>{data, meta}</c> envelope: every item, and the meta.</summary>
    public static void PopulatedList<T>(HubList<T> list, JsonNode? envelope)
    {
        var data = envelope!["data"]!.AsArray();
        var meta = envelope["meta"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(list, Has.Count.EqualTo(data.Count), "items");
            Assert.That(list.Meta.Total, Is.EqualTo(meta["total"]!.GetValue<int>()), "meta.total");
            Assert.That(list.Meta.Limit, Is.EqualTo(meta["limit"]?.GetValue<int>()), "meta.limit");
            Assert.That(list.Meta.Offset, Is.EqualTo(meta["offset"]?.GetValue<int>()), "meta.offset");
        });
        var failures = new List<string>();
        for (var i = 0; i < Math.Min(list.Count, data.Count); i++)
        {
            Walk(list[i], typeof(T), data[i], $"$.data[{i}]", failures);
        }
        Assert.That(failures, Is.Empty, "items vs. recorded JSON");
    }

    private static void Walk(object? value, Type declared, JsonNode? json, string path, List<string> failures)
    {
        if (json is null)
        {
            var nullable = !declared.IsValueType || Nullable.GetUnderlyingType(declared) is not null;
            if (nullable && value is not null) failures.Add($"{path}: JSON null, model has {value}");
            return;
        }
        if (value is null)
        {
            failures.Add($"{path}: JSON {Excerpt(json)}, model null (not bound)");
            return;
        }
        switch (json)
        {
            case JsonObject obj:
                WalkObject(value, obj, path, failures);
                break;
            case JsonArray array:
                if (value is not IEnumerable items || value is string)
                {
                    failures.Add($"{path}: JSON array, model {value.GetType().Name}");
                    break;
                }
                var list = items.Cast<object?>().ToList();
                if (list.Count != array.Count) failures.Add($"{path}: {array.Count} items in JSON, {list.Count} in the model");
                var element = ElementType(value.GetType());
                for (var i = 0; i < Math.Min(list.Count, array.Count); i++)
                {
                    Walk(list[i], element, array[i], $"{path}[{i}]", failures);
                }
                break;
            case JsonValue scalar:
                if (!ScalarEquals(value, scalar)) failures.Add($"{path}: JSON {Excerpt(json)}, model {Describe(value)}");
                break;
        }
    }

    private static void WalkObject(object value, JsonObject json, string path, List<string> failures)
    {
        if (value is JToken)
        {
            failures.Add($"{path}: a JSON object read as untyped {value.GetType().Name}, not a model");
            return;
        }
        if (value is IDictionary<string, object> dictionary)
        {
            // An operation typed as a free-form object: every member must be there, non-null where the JSON is.
            foreach (var (name, member) in json)
            {
                if (!dictionary.TryGetValue(name, out var entry)) failures.Add($"{path}.{name}: missing from the dictionary");
                else if (member is not null && entry is null) failures.Add($"{path}.{name}: JSON {Excerpt(member)}, dictionary null");
            }
            return;
        }
        var properties = PropertiesByWireName(value.GetType());
        foreach (var (name, member) in json)
        {
            if (!properties.TryGetValue(name, out var property))
            {
                failures.Add($"{path}.{name}: no [JsonProperty(\"{name}\")] on {value.GetType().Name} (JSON {Excerpt(member)})");
                continue;
            }
            Walk(property.GetValue(value), property.PropertyType, member, $"{path}.{name}", failures);
        }
    }

    private static Dictionary<string, PropertyInfo> PropertiesByWireName(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<JsonPropertyAttribute>()))
            .Where(p => p.Attribute?.PropertyName is not null)
            .ToDictionary(p => p.Attribute!.PropertyName!, p => p.Property, StringComparer.Ordinal);

    private static bool ScalarEquals(object value, JsonValue json)
    {
        var element = json.GetValue<JsonElement>();
        switch (element.ValueKind)
        {
            case JsonValueKind.True:
            case JsonValueKind.False:
                return value is bool flag && flag == element.GetBoolean();
            case JsonValueKind.Number:
                return value is IConvertible and not string and not bool and not Enum
                    && Convert.ToDecimal(value, CultureInfo.InvariantCulture) == element.GetDecimal();
            case JsonValueKind.String:
                var text = element.GetString()!;
                return value switch
                {
                    string s => s == text,
                    Guid g => Guid.TryParse(text, out var parsed) && parsed == g,
                    DateTimeOffset d => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) && parsed == d,
                    Enum e => WireName(e) == text,
                    IWireEnum => value.ToString() == text,
                    _ => false,
                };
            default:
                return false;
        }
    }

    private static string WireName(Enum value)
    {
        var field = value.GetType().GetField(value.ToString());
        return field?.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? value.ToString();
    }

    private static Type ElementType(Type enumerable) =>
        enumerable.IsArray
            ? enumerable.GetElementType()!
            : enumerable.GetInterfaces().Append(enumerable)
                .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0]
              ?? typeof(object);

    private static string Describe(object value) => value switch
    {
        string s => $"\"{s}\"",
        IFormattable f => $"{f.ToString(null, CultureInfo.InvariantCulture)} ({value.GetType().Name})",
        _ => $"{value} ({value.GetType().Name})",
    };

    private static string Excerpt(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length <= 60 ? text : text[..57] + "...";
    }
}
