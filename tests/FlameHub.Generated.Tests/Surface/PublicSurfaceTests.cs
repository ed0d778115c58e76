using System.CodeDom.Compiler;
using System.Reflection;
using FlameHub.Core;

namespace FlameHub.Generated.Tests.Surface;

/// <summary>
/// The built assembly shows only what a user or a DI host calls: clients, their interfaces,
/// options, credentials, models, queries, errors, paging, streaming, DI and one pipeline entry
/// point; and no visible signature names a serializer type, so the serializer can change without
/// a breaking release.
/// </summary>
public sealed class PublicSurfaceTests
{
    private static readonly Assembly Library = typeof(HubClientBase).Assembly;

    /// <summary>The hand-written public types of <c>FlameHub</c>, each with the kind that makes it public.</summary>
    private static readonly Dictionary<string, string> HandWritten = new()
    {
        ["HubClientBase"] = "clients (the generated clients' base; nothing outside can derive from it)",
        ["HubClientOptions"] = "options", ["HubRetryOptions"] = "options", ["HubCredentialOptions"] = "options",
        ["IHubCredential"] = "credentials", ["HubTokenCredential"] = "credentials", ["PasswordAuth"] = "credentials",
        ["ClientAuth"] = "credentials", ["StaticTokenAuth"] = "credentials",
#if HUB_ROBOTS
        ["RobotAuth"] = "credentials",
#endif
#if HUB_BASIC_AUTH
        ["BasicAuth"] = "credentials",
#endif
        ["UnsetTracking"] = "models (the request bodies' base)",
        ["FindOptions"] = "queries", ["Filter"] = "queries", ["FilterValue"] = "queries", ["FilterCollection"] = "queries",
        ["IncludeSet"] = "queries", ["Page"] = "queries",
        ["HubApiException"] = "errors", ["HubAuthenticationException"] = "errors", ["HubResponseTooLargeException"] = "errors",
        ["HubReleaseMismatchException"] = "errors", ["HubReleaseCheckException"] = "errors",
        ["HubRelease"] = "release facts (which Hub the package speaks)", ["HubReleaseCheck"] = "options",
        ["HubList`1"] = "paging", ["ListMeta"] = "paging",
        ["UploadFile"] = "streaming",
        ["FlameHubServiceCollectionExtensions"] = "DI", ["FlameHubBuilder"] = "DI", ["FlameHubOptions"] = "DI options",
        ["HubHttpPipeline"] = "DI hosts: the one entry point that composes the handler chain",
        ["HubCorrelation"] = "options (a correlation id scope)",
        ["FlameHubDiagnostics"] = "diagnostics (the ActivitySource name OpenTelemetry needs)",
    };

    /// <summary>Plumbing that must not be public, by name: each must still exist, so a rename cannot make the check vacuous.</summary>
    private static readonly string[] Plumbing =
    [
        "FlameHub.HubTracingHandler", "FlameHub.HubResilienceHandler", "FlameHub.HubAuthenticationHandler", "FlameHub.HubLoggingHandler",
        "FlameHub.HubPath", "FlameHub.HubOperationAttribute", "FlameHub.IValidatable", "FlameHub.HubRequestOptions",
        "FlameHub.HubJson", "FlameHub.SetFieldsConverter", "FlameHub.AdditionalFields", "FlameHub.JsonAnswer",
        "FlameHub.ListEnvelope`1", "FlameHub.RecordEnvelope`1", "FlameHub.HubErrorBody", "FlameHub.CallTimeout",
    ];

    [Test]
    public void No_public_signature_names_a_Newtonsoft_type()
    {
        var offenders = new PublicSignatures(Library).AllMentions()
            .Where(m => IsNewtonsoft(m.Named))
            .Select(m => $"{m.Where} -> {m.Named.FullName}")
            .Distinct()
            .ToList();

        Assert.That(offenders, Is.Empty);
    }

    [Test]
    public void The_signature_walk_finds_a_Newtonsoft_type_deep_in_generic_arguments_and_protected_members()
    {
        var found = new PublicSignatures(typeof(NewtonsoftProbe).Assembly).Mentions(typeof(NewtonsoftProbe))
            .Where(m => IsNewtonsoft(m.Named))
            .Select(m => m.Named.Name)
            .ToHashSet();

        Assert.That(found, Is.EquivalentTo(new[] { "JToken", "JObject", "JsonSerializer" }));
    }

    [Test]
    public void Every_public_type_is_of_a_kind_users_or_hosts_need()
    {
        var outside = new PublicSignatures(Library).VisibleTypes
            .Select(t => (Type: t, Kind: KindOf(t)))
            .Where(t => t.Kind is null)
            .Select(t => t.Type.FullName)
            .ToList();

        Assert.That(outside, Is.Empty, "public types that are no client, interface, option, credential, model, query, error, paging, streaming or DI type");
    }

    [Test]
    public void No_public_type_is_an_HTTP_handler_or_an_attribute()
    {
        var visible = new PublicSignatures(Library).VisibleTypes;

        Assert.That(visible.Where(t => typeof(HttpMessageHandler).IsAssignableFrom(t)).Select(t => t.FullName), Is.Empty);
        Assert.That(visible.Where(t => typeof(Attribute).IsAssignableFrom(t)).Select(t => t.FullName), Is.Empty);
    }

    [Test]
    public void The_named_plumbing_types_exist_and_are_internal()
    {
        var types = Plumbing.Select(name => (Name: name, Type: Library.GetType(name))).ToList();

        Assert.That(types.Where(t => t.Type is null).Select(t => t.Name), Is.Empty, "renamed or removed: update the list");
        Assert.That(types.Where(t => t.Type!.IsVisible).Select(t => t.Name), Is.Empty);
    }

    [Test]
    public void Only_the_generated_clients_can_derive_from_the_client_and_body_bases()
    {
        Assert.That(PublicSignatures.HasOutsideConstructor(typeof(HubClientBase)), Is.False, "HubClientBase");
        Assert.That(PublicSignatures.HasOutsideConstructor(typeof(UnsetTracking)), Is.False, "UnsetTracking");
        Assert.That(typeof(HubClientBase).GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
            .Where(m => m.IsFamily || m.IsFamilyOrAssembly).Select(m => m.Name), Is.EquivalentTo(new[] { "Dispose" }),
            "the only protected member is the dispose pattern's Dispose(bool)");
    }

    [Test]
    public void The_pipeline_has_one_public_entry_point_that_returns_a_plain_handler()
    {
        var methods = typeof(HubHttpPipeline).GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly);

        Assert.That(methods.Select(m => m.Name), Is.EqualTo(new[] { nameof(HubHttpPipeline.CreateHandler) }));
        Assert.That(methods[0].ReturnType, Is.EqualTo(typeof(HttpMessageHandler)));
    }

    private static string? KindOf(Type type)
    {
        if (type.Namespace == "FlameHub") return HandWritten.GetValueOrDefault(type.Name);
        if (type.Namespace is not ("FlameHub.Auth" or "FlameHub.Core" or "FlameHub.Storage") || type.IsNested) return null;
        var tool = type.GetCustomAttribute<GeneratedCodeAttribute>()?.Tool;
        return tool switch
        {
            "NSwag" when type.IsClass && type.IsSubclassOf(typeof(HubClientBase)) => "clients",
            "NSwag" when type.IsInterface && type.Name.StartsWith('I') && type.Name.EndsWith("Client", StringComparison.Ordinal) => "client interfaces",
            "NJsonSchema" when type.IsEnum || (type.IsValueType && type.GetInterfaces().Any(i => i.Name == "IWireEnum`1")) => "models (enums)",
            "NJsonSchema" when type.IsAbstract && type.IsSealed && type.Name.EndsWith("Fields", StringComparison.Ordinal) => "queries (field names)",
            "NJsonSchema" when type.IsClass && !type.IsAbstract => "models",
            _ => null,
        };
    }

    private static bool IsNewtonsoft(Type type) => type.Namespace?.StartsWith("Newtonsoft", StringComparison.Ordinal) == true;

    /// <summary>Names Newtonsoft types only where a shallow walk would miss them.</summary>
    public class NewtonsoftProbe
    {
        public IReadOnlyList<KeyValuePair<string, Newtonsoft.Json.Linq.JToken?[]>> Values { get; } = [];

        public void Take(Func<Task<Dictionary<string, Newtonsoft.Json.Linq.JObject>>> source) => _ = source;

        protected virtual void Configure(Newtonsoft.Json.JsonSerializer serializer) => _ = serializer;

        internal Newtonsoft.Json.JsonConverter? Hidden { get; set; }
    }
}
