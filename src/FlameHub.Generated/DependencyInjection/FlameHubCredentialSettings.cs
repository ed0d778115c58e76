using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace FlameHub;

/// <summary>
/// The <c>Credential</c> section: a <c>Kind</c> and the parts that kind takes, made into an
/// <see cref="IHubCredential"/>. Secrets are read like any other value (from user secrets, a vault
/// provider, environment variables) and never appear in a problem's text.
/// </summary>
internal static class FlameHubCredentialSettings
{
    public const string Section = "Credential";

    private const string Kind = "Kind";

    private static readonly (string Kind, string[] Parts)[] Kinds =
    [
        ("Password", ["Username", "Password"]),
#if HUB_ROBOTS
        ("Robot", ["Id", "Secret"]),
#endif
        ("Client", ["ClientId", "ClientSecret"]),
        ("StaticToken", ["Token"]),
#if HUB_BASIC_AUTH
        ("Basic", ["Username", "Password"]),
#endif
        ("None", []),
    ];

    private static readonly string KindList = string.Join(", ", Kinds.Select(k => k.Kind));

    /// <summary>The keys of the section.</summary>
    public static readonly IReadOnlyList<string> Keys = [Kind, .. Kinds.SelectMany(k => k.Parts).Distinct()];

    /// <summary>
    /// Reads <paramref name="section"/>. False when it is absent or has a problem (added to
    /// <paramref name="problems"/>); true with the credential (null for <c>None</c>) otherwise.
    /// </summary>
    /// <param name="section">The <c>Credential</c> section.</param>
    /// <param name="authUrl">Where token credentials get their tokens; null when that URL is itself invalid (reported elsewhere).</param>
    /// <param name="loggers">Where token credentials log.</param>
    /// <param name="problems">Where problems go, named below the options.</param>
    /// <param name="credential">The credential read.</param>
    public static bool TryRead(IConfigurationSection section, Uri? authUrl, ILoggerFactory? loggers, List<OptionProblem> problems, out IHubCredential? credential)
    {
        credential = null;
        if (!section.Exists()) return false;
        var kindText = section[Kind];
        if (string.IsNullOrEmpty(kindText))
        {
            problems.Add(new(Section + ":" + Kind, $"is required: one of {KindList}"));
            return false;
        }
        var index = Array.FindIndex(Kinds, k => string.Equals(k.Kind, kindText, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            problems.Add(new(Section + ":" + Kind, $"must be one of {KindList} (was '{kindText}')"));
            return false;
        }
        var (kind, parts) = Kinds[index];
        var count = problems.Count;
        foreach (var key in Keys.Skip(1))
        {
            var given = !string.IsNullOrWhiteSpace(section[key]);
            var takes = parts.Contains(key);
            if (takes && !given) problems.Add(new($"{Section}:{key}", $"is required for Kind={kind}"));
            if (!takes && section[key] is not null)
            {
                problems.Add(new($"{Section}:{key}", $"does not apply to Kind={kind}" + (parts.Length > 0 ? $" (it takes {string.Join(" and ", parts)})" : "")));
            }
        }
#if HUB_ROBOTS
        Guid robotId = default;
        if (kind == "Robot" && section["Id"] is { Length: > 0 } id && !Guid.TryParse(id, out robotId))
        {
            problems.Add(new($"{Section}:Id", "must be a GUID for Kind=Robot (the robot's id)"));
        }
#endif
        if (problems.Count > count) return false;

        var tokens = new HubCredentialOptions { LoggerFactory = loggers };
        if (authUrl is null && kind is ("Password" or "Robot" or "Client")) return false;
        credential = kind switch
        {
            "Password" => new PasswordAuth(section["Username"]!, section["Password"]!, authUrl!, tokens),
#if HUB_ROBOTS
            "Robot" => new RobotAuth(robotId, section["Secret"]!, authUrl!, tokens),
#endif
            "Client" => new ClientAuth(section["ClientId"]!, section["ClientSecret"]!, authUrl!, tokens),
            "StaticToken" => new StaticTokenAuth(section["Token"]!),
#if HUB_BASIC_AUTH
            "Basic" => new BasicAuth(section["Username"]!, section["Password"]!),
#endif
            _ => null,
        };
        return true;
    }
}
