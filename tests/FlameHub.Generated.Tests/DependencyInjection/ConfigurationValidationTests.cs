using FlameHub.Core;
using FlameHub.Generated.Tests.Transport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FlameHub.Generated.Tests.DependencyInjection;

/// <summary>
/// An invalid setting stops the host at start (<c>ValidateOnStart</c>) with an
/// <see cref="OptionsValidationException"/> whose message names the setting and the problem, and
/// never a secret; without a host, the first resolved client fails the same way.
/// </summary>
public sealed class ConfigurationValidationTests
{
    private const string Secret = "s3cret-VALUE-never-shown";

    private static IHost Host(Action<IServiceCollection> register)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        register(builder.Services);
        return builder.Build();
    }

    private static async Task<OptionsValidationException> StartFails(params (string Key, string? Value)[] settings)
    {
        using var host = Host(services => services.AddFlameHub(ConfiguredHub.Section(settings)));
        var error = await Hub.CatchBounded(() => host.StartAsync());
        Assert.That(error, Is.TypeOf<OptionsValidationException>(), error?.ToString());
        return (OptionsValidationException)error!;
    }

    private static IEnumerable<TestCaseData> Invalid()
    {
        TestCaseData Case(string expected, params (string, string?)[] settings) => new TestCaseData(settings, expected).SetArgDisplayNames(expected);

        yield return Case("FlameHub:Timeout must be positive or infinite (was -00:00:01)", ("Timeout", "-00:00:01"));
        yield return Case("FlameHub:AttemptTimeout must be positive or infinite (was 00:00:00)", ("AttemptTimeout", "00:00:00"));
        yield return Case("FlameHub:MaxResponseBytes must be positive (was 0)", ("MaxResponseBytes", "0"));
        yield return Case("FlameHub:ReleaseCheck must be Strict, Warn or Off (was 7)", ("ReleaseCheck", "7"));
        yield return Case("FlameHub:Retry:MaxRetries must not be negative (was -1)", ("Retry:MaxRetries", "-1"));
        yield return Case("FlameHub:Retry:BaseDelay must not be negative (was -00:00:00.5000000)", ("Retry:BaseDelay", "-00:00:00.5"));
        yield return Case("FlameHub:Retry:MaxDelay must not be shorter than BaseDelay (was 00:00:00.1000000, BaseDelay 00:00:01)", ("Retry:BaseDelay", "00:00:01"), ("Retry:MaxDelay", "00:00:00.1"));
        yield return Case("FlameHub:CoreUrl must be an absolute http or https URL", ("CoreUrl", "core/"));
        yield return Case("FlameHub:StorageUrl must be an http or https URL", ("StorageUrl", "ftp://hub.example/storage/"));
        yield return Case("FlameHub:AuthUrl must not carry a query or fragment", ("AuthUrl", "http://hub.example/auth/?key=" + Secret));
        yield return Case("FlameHub:Gateway must be an absolute http or https URL", ("Gateway", "localhost"));
        yield return Case("FlameHub:Gateway is set together with CoreUrl: set either Gateway or AuthUrl, CoreUrl and StorageUrl",
            ("Gateway", "http://hub.example/"), ("CoreUrl", "http://hub.example/core/"));
        yield return Case("FlameHub:CorrelationId contains a space at index 3; X-Request-Id takes visible ASCII only (0x21-0x7E)", ("CorrelationId", "job 42"));
        yield return Case("FlameHub:Timout is not a setting (the settings here are Gateway, AuthUrl, CoreUrl, StorageUrl, Timeout, AttemptTimeout, MaxResponseBytes, Retry, CorrelationId, ReleaseCheck, Credential)",
            ("Timout", "00:00:10"));
        yield return Case("FlameHub:Retry:Retries is not a setting (the settings here are MaxRetries, BaseDelay, MaxDelay, RetryPost)", ("Retry:Retries", "2"));
#if HUB_ROBOTS && HUB_BASIC_AUTH
        yield return Case("FlameHub:Credential:Kind is required: one of Password, Robot, Client, StaticToken, Basic, None",
            ("Credential:Username", "admin"), ("Credential:Password", Secret));
        yield return Case("FlameHub:Credential:Kind must be one of Password, Robot, Client, StaticToken, Basic, None (was 'Pasword')",
            ("Credential:Kind", "Pasword"), ("Credential:Username", "admin"), ("Credential:Password", Secret));
#elif !HUB_ROBOTS && !HUB_BASIC_AUTH
        yield return Case("FlameHub:Credential:Kind is required: one of Password, Client, StaticToken, None",
            ("Credential:Username", "admin"), ("Credential:Password", Secret));
        yield return Case("FlameHub:Credential:Kind must be one of Password, Client, StaticToken, None (was 'Basic')",
            ("Credential:Kind", "Basic"), ("Credential:Username", "admin"), ("Credential:Password", Secret));
        yield return Case("FlameHub:Credential:Kind must be one of Password, Client, StaticToken, None (was 'Robot')",
            ("Credential:Kind", "Robot"), ("Credential:Id", "8bbe85b6-10e0-4d4d-a9c9-96bad08aeb42"), ("Credential:Secret", Secret));
#endif
        yield return Case("FlameHub:Credential:Password is required for Kind=Password", ("Credential:Kind", "Password"), ("Credential:Username", "admin"));
        yield return Case("FlameHub:Credential:Username is required for Kind=Password", ("Credential:Kind", "Password"), ("Credential:Password", Secret));
#if HUB_ROBOTS
        yield return Case("FlameHub:Credential:Secret is required for Kind=Robot", ("Credential:Kind", "Robot"), ("Credential:Id", "8bbe85b6-10e0-4d4d-a9c9-96bad08aeb42"));
        yield return Case("FlameHub:Credential:Id must be a GUID for Kind=Robot (the robot's id)", ("Credential:Kind", "Robot"), ("Credential:Id", Secret), ("Credential:Secret", Secret));
#endif
        yield return Case("FlameHub:Credential:ClientSecret is required for Kind=Client", ("Credential:Kind", "Client"), ("Credential:ClientId", "c"), ("Credential:ClientSecret", ""));
        yield return Case("FlameHub:Credential:Token is required for Kind=StaticToken", ("Credential:Kind", "StaticToken"), ("Credential:Token", "   "));
        yield return Case("FlameHub:Credential:Secret does not apply to Kind=Password (it takes Username and Password)",
            ("Credential:Kind", "Password"), ("Credential:Username", "admin"), ("Credential:Password", Secret), ("Credential:Secret", Secret));
        yield return Case("FlameHub:Credential:Token does not apply to Kind=None", ("Credential:Kind", "None"), ("Credential:Token", Secret));
#if HUB_ROBOTS && HUB_BASIC_AUTH
        yield return Case("FlameHub:Credential:Pasword is not a setting (the settings here are Kind, Username, Password, Id, Secret, ClientId, ClientSecret, Token)",
            ("Credential:Kind", "Basic"), ("Credential:Username", "admin"), ("Credential:Password", "x"), ("Credential:Pasword", Secret));
#endif
    }

    [TestCaseSource(nameof(Invalid))]
    [CancelAfter(20_000)]
    public async Task An_invalid_setting_stops_the_host_at_start_naming_the_setting((string, string?)[] settings, string expected)
    {
        var error = await StartFails(settings);

        Assert.That(error.Failures, Has.Member(expected), error.Message);
        Assert.That(error.Message, Does.Not.Contain(Secret));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_value_that_does_not_convert_stops_the_host_naming_the_key()
    {
        var error = await StartFails(("Retry:MaxRetries", "three"));

        Assert.That(error.Message, Does.Contain("'FlameHub:Retry:MaxRetries'").And.Contain("System.Int32"));
    }

#if HUB_ROBOTS
    [Test, CancelAfter(20_000)]
    public async Task Every_problem_is_reported_at_once()
    {
        var error = await StartFails(("Timeout", "-00:00:01"), ("Retry:MaxRetries", "-2"), ("Credential:Kind", "Robot"));

        Assert.That(error.Failures, Is.EquivalentTo(new[]
        {
            "FlameHub:Credential:Id is required for Kind=Robot",
            "FlameHub:Credential:Secret is required for Kind=Robot",
            "FlameHub:Timeout must be positive or infinite (was -00:00:01)",
            "FlameHub:Retry:MaxRetries must not be negative (was -2)",
        }));
    }
#endif

    [Test, CancelAfter(20_000)]
    public async Task A_section_deeper_in_the_configuration_is_named_by_its_whole_path()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Services:Hub:Timeout", "00:00:00")]).Build();
        using var host = Host(services => services.AddFlameHub(configuration.GetSection("Services:Hub")));

        var error = await Hub.CatchBounded(() => host.StartAsync());

        Assert.That(error, Is.TypeOf<OptionsValidationException>(), error?.ToString());
        Assert.That(((OptionsValidationException)error!).Failures, Is.EqualTo(new[] { "Services:Hub:Timeout must be positive or infinite (was 00:00:00)" }));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_missing_section_stops_the_host_instead_of_leaving_every_default_in_force()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("FlameHub:Timeout", "00:00:10")]).Build();
        using var host = Host(services => services.AddFlameHub(configuration.GetSection("FlameHubb")));

        var error = await Hub.CatchBounded(() => host.StartAsync());

        Assert.That(error, Is.TypeOf<OptionsValidationException>(), error?.ToString());
        Assert.That(((OptionsValidationException)error!).Failures, Is.EqualTo(new[] { "The configuration section 'FlameHubb' is missing or empty." }));
    }

    [Test, CancelAfter(20_000)]
    public async Task Options_set_in_code_are_validated_at_start_with_their_property_names()
    {
        using var host = Host(services => services.AddFlameHub(o =>
        {
            o.Timeout = TimeSpan.FromSeconds(-5);
            o.Retry.MaxDelay = TimeSpan.Zero;
            o.CoreUrl = null!;
        }));

        var error = await Hub.CatchBounded(() => host.StartAsync());

        Assert.That(error, Is.TypeOf<OptionsValidationException>(), error?.ToString());
        Assert.That(((OptionsValidationException)error!).Failures, Is.EquivalentTo(new[]
        {
            "FlameHubOptions.CoreUrl is required",
            "FlameHubOptions.Timeout must be positive or infinite (was -00:00:05)",
            "FlameHubOptions.Retry.MaxDelay must not be shorter than BaseDelay (was 00:00:00, BaseDelay 00:00:00.5000000)",
        }));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_valid_configuration_starts_and_its_clients_resolve()
    {
        using var host = Host(services => services.AddFlameHub(ConfiguredHub.Section(
            ("Gateway", "http://127.0.0.1:9/"), ("Timeout", "00:00:30"), ("Credential:Kind", "Password"),
            ("Credential:Username", "admin"), ("Credential:Password", Secret))));

        await Hub.Bounded(host.StartAsync());

        Assert.That(host.Services.GetRequiredService<ICoreClient>(), Is.InstanceOf<CoreClient>());
        await Hub.Bounded(host.StopAsync());
    }

    [Test]
    public void Without_a_host_the_first_resolved_client_fails_with_the_same_message()
    {
        var services = new ServiceCollection();
        services.AddFlameHub(ConfiguredHub.Section(("Gateway", "http://127.0.0.1:9/"), ("MaxResponseBytes", "-1")));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ICoreClient>())!;

        Assert.That(error.Failures, Is.EqualTo(new[] { "FlameHub:MaxResponseBytes must be positive (was -1)" }));
    }
}
