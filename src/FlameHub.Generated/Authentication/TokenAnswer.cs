using System.Globalization;
using System.Numerics;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FlameHub;

/// <summary>
/// Reads a 200 from the token endpoint leniently: an <c>expires_in</c> that is absurd or not a
/// number is not an error, and an answer without a token is described by its shape (member
/// names, media type, size), never by its values, which may hold a token.
/// </summary>
internal static class TokenAnswer
{
    /// <summary>The longest lifetime believed: a token is renewed at least once a day, whatever <c>expires_in</c> claims.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(1);

    private const int MaxNamesShown = 10;
    private const int MaxNameLength = 40;

    /// <summary>The token, or null and what the answer held instead in <paramref name="problem"/>.</summary>
    public static TokenResponse? Read(byte[] body, string? mediaType, out string? problem)
    {
        var text = Encoding.UTF8.GetString(body).TrimStart('\uFEFF');
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "an empty body";
            return null;
        }
        JToken json;
        try
        {
            json = Parse(text);
        }
        catch (JsonException)
        {
            problem = $"not JSON ({mediaType ?? "no Content-Type"}, {body.Length} bytes)";
            return null;
        }
        if (json is not JObject answer)
        {
            problem = $"a JSON value that is {Kind(json)}, not an object";
            return null;
        }
        if (answer["access_token"] is not JValue { Type: JTokenType.String, Value: string accessToken } || accessToken.Length == 0)
        {
            problem = answer.Property("access_token") is { } member
                ? "a JSON object whose access_token is " + (member.Value is JValue { Type: JTokenType.String } ? "empty" : Kind(member.Value))
                : Members(answer);
            return null;
        }
        if (!accessToken.All(c => c is >= '\x21' and <= '\x7E'))
        {
            // It goes into the Authorization header, which must not be split or stretched by it.
            problem = "a JSON object whose access_token has characters a header cannot carry";
            return null;
        }
        return new TokenResponse
        {
            AccessToken = accessToken,
            Lifetime = LifetimeOf(answer["expires_in"]),
            TokenType = StringOf(answer["token_type"]),
            RefreshToken = StringOf(answer["refresh_token"]) is { Length: > 0 } refresh ? refresh : null,
        };
    }

    /// <summary>
    /// <c>expires_in</c> as a lifetime: a number, or a string holding one. Zero, negative, NaN and
    /// unreadable values say nothing (null: the token is used until the Hub refuses it); more than
    /// <see cref="MaxLifetime"/>, infinity included, is <see cref="MaxLifetime"/>.
    /// </summary>
    public static TimeSpan? LifetimeOf(JToken? token)
    {
        double? read = token switch
        {
            JValue { Value: long value } => value,
            JValue { Value: double value } => value,
            JValue { Value: decimal value } => (double)value,
            JValue { Value: BigInteger value } => (double)value,
            JValue { Type: JTokenType.String, Value: string value }
                when double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
        if (read is not { } seconds || double.IsNaN(seconds) || seconds <= 0) return null;
        return seconds >= MaxLifetime.TotalSeconds ? MaxLifetime : TimeSpan.FromSeconds(seconds);
    }

    private static JToken Parse(string text)
    {
        using var reader = new JsonTextReader(new StringReader(text))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Double,
            MaxDepth = 64,
        };
        var json = JToken.ReadFrom(reader);
        while (reader.Read())
        {
            if (reader.TokenType != JsonToken.Comment) throw new JsonReaderException("Text after the JSON value.");
        }
        return json;
    }

    private static string Members(JObject answer)
    {
        var names = answer.Properties().Select(p => Shown(p.Name)).ToList();
        if (names.Count == 0) return "an empty JSON object";
        var shown = string.Join(", ", names.Take(MaxNamesShown));
        return names.Count > MaxNamesShown
            ? $"a JSON object with members {shown} and {names.Count - MaxNamesShown} more"
            : $"a JSON object with members {shown}";
    }

    private static string Shown(string name)
    {
        var clean = new string(name.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return clean.Length <= MaxNameLength ? clean : clean[..MaxNameLength] + "…";
    }

    private static string Kind(JToken token) => token.Type switch
    {
        JTokenType.Array => "an array",
        JTokenType.Object => "an object",
        JTokenType.String => "a string",
        JTokenType.Integer or JTokenType.Float => "a number",
        JTokenType.Boolean => "a boolean",
        JTokenType.Null => "null",
        _ => "a " + token.Type.ToString().ToLowerInvariant(),
    };

    private static string? StringOf(JToken? token) => token is JValue { Type: JTokenType.String, Value: string value } ? value : null;
}
