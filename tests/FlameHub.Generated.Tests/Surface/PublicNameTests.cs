using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace FlameHub.Generated.Tests.Surface;

/// <summary>
/// Every public name of the package is a .NET name: no <c>_</c> from a wire name, and an
/// acronym is written as a word (<c>OAuth2</c>, <c>RealmId</c>), however the Hub spells it; and the
/// types are named by their roles, not by the schema names the documents serve.
/// </summary>
public partial class PublicNameTests
{
    // Three capitals in a row (API, JWK, IDPro…), or two that end a word (…ID, …IDProvider): an acronym in capitals.
    // "OAuth2" (O + Auth) and an interface's "I" prefix are words.
    [GeneratedRegex("[A-Z]{3,}|[A-Z]{2}(?=[A-Z0-9]|$)")]
    private static partial Regex AcronymRun();

    private static IEnumerable<Type> PublicTypes() => GeneratedSurface.Assembly.GetExportedTypes();

    private static IEnumerable<MemberInfo> PublicMembers(Type type) =>
        type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => m is not ConstructorInfo && m is not MethodInfo { IsSpecialName: true } && m is not FieldInfo { IsSpecialName: true }
                && m.GetCustomAttribute<CompilerGeneratedAttribute>() is null);

    [Test]
    public void No_public_type_name_has_an_underscore_or_an_acronym_in_capitals()
    {
        var offending = PublicTypes()
            .Select(t => t.IsGenericType ? t.Name[..t.Name.IndexOf('`')] : t.Name)
            .Where(n => n.Contains('_') || AcronymRun().IsMatch(n.StartsWith('I') && n.Length > 1 && char.IsUpper(n[1]) ? n[1..] : n))
            .ToList();

        Assert.That(PublicTypes().Count(), Is.GreaterThan(150));
        Assert.That(offending, Is.Empty);
    }

    [Test]
    public void No_public_member_name_has_an_underscore_or_an_acronym_in_capitals()
    {
        var offending = PublicTypes()
            .SelectMany(t => PublicMembers(t).Select(m => (Type: t, m.Name)))
            .Where(x => x.Name.Contains('_') || AcronymRun().IsMatch(x.Name))
            .Select(x => $"{x.Type.Name}.{x.Name}")
            .Distinct()
            .ToList();

        Assert.That(offending, Is.Empty);
    }

    [TestCase("ABC")]
    [TestCase("OpenIDProviderMetadata")]
    [TestCase("PermissionAPICheckResponse")]
    [TestCase("RealmID")]
    public void The_acronym_check_catches_wire_casing(string name) => Assert.That(AcronymRun().IsMatch(name), Is.True);

    [TestCase("OpenIdProviderMetadata")]
    [TestCase("OAuth2JsonWebKey")]
    [TestCase("RealmId")]
    public void The_acronym_check_lets_words_through(string name) => Assert.That(AcronymRun().IsMatch(name), Is.False);

    // Served as OpenIDProviderMetadata, OAuth2JsonWebKey, EndpointInfo, PermissionAPICheckResponse, NonNullablePolicyData, AnalysisAPICommand, RegistryAPICommand.
    [TestCase("FlameHub.Auth.WellKnownOpenidConfiguration")]
    [TestCase("FlameHub.Auth.WellKnownOpenidConfigurationResponseTypesSupported")]
    [TestCase("FlameHub.Auth.Jwk")]
    [TestCase("FlameHub.Auth.Status")]
    [TestCase("FlameHub.Auth.TokenGrantRequestGrantType")]
    [TestCase("FlameHub.Auth.CheckPermissionResponse")]
    [TestCase("FlameHub.Auth.CheckPermissionRequest")]
    [TestCase("FlameHub.Core.AnalysisCommand")]
    [TestCase("FlameHub.Core.ServiceCommand")]
    public void The_role_named_types_exist(string fullName) => Assert.That(GeneratedSurface.Assembly.GetType(fullName), Is.Not.Null);

    [TestCase("FlameHub.Auth.OpenIdProviderMetadata")]
    [TestCase("FlameHub.Auth.OAuth2JsonWebKey")]
    [TestCase("FlameHub.Auth.EndpointInfo")]
    [TestCase("FlameHub.Auth.PolicyData")]
    [TestCase("FlameHub.Core.AnalysisApiCommand")]
    [TestCase("FlameHub.Core.RunAnalysisCommandRequestCommand")]
    public void No_type_keeps_its_served_name_or_repeats_its_operation(string fullName) => Assert.That(GeneratedSurface.Assembly.GetType(fullName), Is.Null);
}
