using System.Globalization;
using Newtonsoft.Json;

namespace FlameHub;

/// <summary>
/// Reads and writes an extensible enum as its wire text. Any string reads, known or not; a number
/// or boolean where the Hub used to send a string reads as its JSON text, so a retyped value does
/// not lose the whole answer either.
/// </summary>
/// <typeparam name="T">The enum type.</typeparam>
internal sealed class WireEnumConverter<T> : JsonConverter
    where T : struct, IWireEnum<T>
{
    public override bool CanConvert(Type objectType) => objectType == typeof(T) || objectType == typeof(T?);

    public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
    {
        switch (reader.TokenType)
        {
            case JsonToken.Null or JsonToken.Undefined:
                return objectType == typeof(T?) ? null : default(T);
            case JsonToken.String:
                return T.FromWire((string)reader.Value!);
            case JsonToken.Boolean:
                return T.FromWire((bool)reader.Value! ? "true" : "false");
            case JsonToken.Integer or JsonToken.Float:
                return T.FromWire(Convert.ToString(reader.Value, CultureInfo.InvariantCulture)!);
            default:
                throw new JsonSerializationException($"Expected a string for {typeof(T).Name}, got {reader.TokenType} at {reader.Path}.");
        }
    }

    public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
    {
        // default(T) holds no text at all: it goes out as null, not as "".
        if (value is T wire && !wire.Equals(default(T))) writer.WriteValue(wire.ToString());
        else writer.WriteNull();
    }
}
