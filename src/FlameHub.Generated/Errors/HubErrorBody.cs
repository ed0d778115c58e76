using System.Text;
using System.Text.Json;

namespace FlameHub;

/// <summary>
/// What an error response says, read leniently: the Hub's JSON shape, or an excerpt of whatever
/// else arrived (a proxy's HTML page, an empty or cut-off body).
/// </summary>
internal readonly struct HubErrorBody
{
    private const int ExcerptLength = 200;

    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 64, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private HubErrorBody(JsonElement? json, string? code, string? message, string? excerpt, string? problem = null, string? hint = null, string? description = null)
    {
        Json = json;
        Code = code;
        Message = message;
        Excerpt = excerpt;
        _problem = problem;
        _hint = hint;
        _description = description;
    }

    private readonly string? _problem;
    private readonly string? _hint;
    private readonly string? _description;

    public JsonElement? Json { get; }
    public string? Code { get; }
    public string? Message { get; }
    public string? Excerpt { get; }

    public static HubErrorBody Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return default;
        if (text.TrimStart().StartsWith('{'))
        {
            try
            {
                using var document = JsonDocument.Parse(text, ParseOptions);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    // A copy that owns its memory: the document's pooled buffers go back when it is disposed.
                    var json = document.RootElement.Clone();
                    return new HubErrorBody(json, StringOf(json, "code"), StringOf(json, "message"), null);
                }
            }
            catch (JsonException)
            {
                // Cut-off or otherwise broken JSON falls through to the excerpt.
            }
        }
        return new HubErrorBody(null, null, null, ExcerptOf(text));
    }

    /// <summary>A success answer whose body could not be read as the expected type.</summary>
    public static HubErrorBody Unreadable(string? text, string expected) =>
        new(null, null, null, string.IsNullOrWhiteSpace(text) ? null : ExcerptOf(text), $"not a valid {expected}");

    /// <summary>
    /// Whether this is the Hub's own answer for a record that does not exist: a JSON object with code
    /// <c>NOT_FOUND</c> (Hub 0.8) or <c>entity_not_found</c> (Hub 0.14, Authup), rather than a 404 from
    /// whatever else answered (a proxy's page, a route that does not exist).
    /// </summary>
    public bool IsHubNotFound => Json is not null && _problem is null
        && (string.Equals(Code, "NOT_FOUND", StringComparison.OrdinalIgnoreCase) || string.Equals(Code, "entity_not_found", StringComparison.OrdinalIgnoreCase));

    /// <summary>An answer that was not read, for a reason that is the whole message.</summary>
    public static HubErrorBody Unread(string description) => new(null, null, null, null, description: description);

    /// <summary>This body, with <paramref name="hint"/> added to the end of the message.</summary>
    public HubErrorBody WithHint(string hint) => new(Json, Code, Message, Excerpt, _problem, hint, _description);

    public string Describe(int statusCode) => _description ?? (_hint is null ? DescribeBody(statusCode) : $"{DescribeBody(statusCode)}; {_hint}");

    private string DescribeBody(int statusCode)
    {
        if (_problem is not null)
        {
            return Excerpt is null ? $"received status code {statusCode} ({_problem}): empty body" : $"received status code {statusCode} ({_problem}): {Excerpt}";
        }
        if (Json is not null)
        {
            return $"received status code {statusCode} ({Code ?? "no code"}): {Message}";
        }
        return Excerpt is null
            ? $"received status code {statusCode} (empty body)"
            : $"received status code {statusCode} (not JSON): {Excerpt}";
    }

    /// <summary>A member's text: a string as it is, null when absent or null, any other value as its JSON.</summary>
    private static string? StringOf(JsonElement json, string name)
    {
        // With a name given twice, the last one counts, as it would for any JSON object reader.
        JsonElement? found = null;
        foreach (var member in json.EnumerateObject())
        {
            if (member.NameEquals(name)) found = member.Value;
        }
        return found switch
        {
            null or { ValueKind: JsonValueKind.Null } => null,
            { ValueKind: JsonValueKind.String } value => value.GetString(),
            var value => value.Value.GetRawText(),
        };
    }

    private static string ExcerptOf(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, ExcerptLength + 1));
        var lastWasSpace = false;
        foreach (var c in text)
        {
            var space = char.IsWhiteSpace(c) || char.IsControl(c);
            if (space && (lastWasSpace || builder.Length == 0)) continue;
            builder.Append(space ? ' ' : c);
            lastWasSpace = space;
            if (builder.Length >= ExcerptLength) return builder.ToString().TrimEnd() + "…";
        }
        return builder.ToString().TrimEnd();
    }
}
