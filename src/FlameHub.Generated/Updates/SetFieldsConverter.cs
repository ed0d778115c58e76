using System.Collections;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace FlameHub;

/// <summary>
/// Writes an <see cref="UnsetTracking"/> body as its set fields only, in the order they were set,
/// null values included, then its extra fields. Reading is left to Newtonsoft.Json's default.
/// </summary>
internal sealed class SetFieldsConverter : JsonConverter
{
    public override bool CanRead => false;

    public override bool CanConvert(Type objectType) => typeof(UnsetTracking).IsAssignableFrom(objectType);

    public override object ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) =>
        throw new NotSupportedException();

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        var body = (UnsetTracking)value!;
        var contract = (JsonObjectContract)serializer.ContractResolver.ResolveContract(body.GetType());
        var written = new HashSet<string>(StringComparer.Ordinal);
        writer.WriteStartObject();
        foreach (var wireName in body.SetFields)
        {
            var property = contract.Properties.GetClosestMatchProperty(wireName)
                ?? throw new JsonSerializationException($"{body.GetType().Name} has no JSON property '{wireName}'.");
            writer.WritePropertyName(property.PropertyName!);
            WriteValue(writer, property, property.ValueProvider!.GetValue(body), serializer);
            written.Add(property.PropertyName!);
        }
        foreach (var (key, extra) in contract.ExtensionDataGetter?.Invoke(body) ?? [])
        {
            var name = Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture)!;
            if (!written.Add(name)) continue;
            writer.WritePropertyName(name);
            serializer.Serialize(writer, extra);
        }
        writer.WriteEndObject();
    }

    private static void WriteValue(JsonWriter writer, JsonProperty property, object? value, JsonSerializer serializer)
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else if (property.Converter is { } converter)
        {
            converter.WriteJson(writer, value, serializer);
        }
        else if (property.ItemConverter is { } itemConverter && value is IEnumerable items and not string)
        {
            writer.WriteStartArray();
            foreach (var item in items)
            {
                if (item is null) writer.WriteNull();
                else itemConverter.WriteJson(writer, item, serializer);
            }
            writer.WriteEndArray();
        }
        else
        {
            serializer.Serialize(writer, value);
        }
    }
}
