using FlameHub.Auth;
using FlameHub.Core;
using FlameHub.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlameHub;

/// <summary>Registers the Hub clients with <see cref="IHttpClientFactory"/>.</summary>
public static class FlameHubServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="AuthClient"/>, <see cref="CoreClient"/> and <see cref="StorageClient"/> (and
    /// their interfaces) as typed clients. They share the options' credential, so one token.
    /// The options are validated when the host starts (and at the latest when a client is first
    /// resolved): an invalid setting fails with an <see cref="OptionsValidationException"/> naming it.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets URLs, credential, timeouts, retries.</param>
    public static FlameHubBuilder AddFlameHub(this IServiceCollection services, Action<FlameHubOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<FlameHubOptions>().Configure(configure);
        return AddClients(services);
    }

    /// <summary>
    /// As <see cref="AddFlameHub(IServiceCollection, Action{FlameHubOptions})"/>, with the options
    /// bound from <paramref name="configuration"/>: <c>Gateway</c>, or <c>AuthUrl</c>, <c>CoreUrl</c>
    /// and <c>StorageUrl</c>; <c>Timeout</c> and <c>AttemptTimeout</c> (<c>00:00:30</c>);
    /// <c>MaxResponseBytes</c>; <c>Retry:MaxRetries</c>, <c>Retry:BaseDelay</c>,
    /// <c>Retry:MaxDelay</c>, <c>Retry:RetryPost</c>; <c>CorrelationId</c>; and a
    /// <c>Credential</c> with a <c>Kind</c> (<c>Password</c>: <c>Username</c>, <c>Password</c>;
    /// <c>Client</c>: <c>ClientId</c>, <c>ClientSecret</c>; <c>StaticToken</c>: <c>Token</c>; <c>None</c>;
    /// and only in the package of a Hub release that has them, <c>Robot</c>: <c>Id</c>, <c>Secret</c>
    /// and <c>Basic</c>: <c>Username</c>, <c>Password</c>; an unknown kind is an error that lists this package's).
    /// Token credentials get their tokens from the bound auth URL. Secrets are read like any other
    /// value: keep them in user secrets, environment variables or a vault provider, not in
    /// <c>appsettings.json</c>; they never appear in a message or a log. An unknown key, and a missing
    /// or empty section, is an error.
    /// The section is read once, when the options are first needed. Settings made in code after this
    /// call (another <c>AddFlameHub</c> or <c>Configure&lt;FlameHubOptions&gt;</c>) apply on top.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section, for example <c>builder.Configuration.GetSection("FlameHub")</c>.</param>
    public static FlameHubBuilder AddFlameHub(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<FlameHubOptions>().Configure<ILoggerFactory>((options, loggers) => FlameHubConfiguration.Apply(configuration, options, loggers));
        return AddClients(services);
    }

    /// <summary>The clients, their chain and the options' defaults and validation, registered once however often <c>AddFlameHub</c> is called.</summary>
    private static FlameHubBuilder AddClients(IServiceCollection services)
    {
        if (services.FirstOrDefault(d => d.ServiceType == typeof(Registration))?.ImplementationInstance is Registration registered)
        {
            return new FlameHubBuilder(services, services.AddHttpClient(registered.Auth), services.AddHttpClient(registered.Core), services.AddHttpClient(registered.Storage));
        }
        services.AddOptions<FlameHubOptions>()
            .PostConfigure<ILoggerFactory>((options, loggers) =>
            {
                options.LoggerFactory ??= loggers;
                options.CorrelationId ??= Guid.NewGuid().ToString("D");
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FlameHubOptions>, FlameHubOptionsValidator>());
        var builder = new FlameHubBuilder(services,
            AddClient<IAuthClient, AuthClient>(services, (http, options) => new AuthClient(http, options), o => o.AuthUrl),
            AddClient<ICoreClient, CoreClient>(services, (http, options) => new CoreClient(http, options), o => o.CoreUrl),
            AddClient<IStorageClient, StorageClient>(services, (http, options) => new StorageClient(http, options), o => o.StorageUrl));
        services.AddSingleton(new Registration(builder.Auth.Name, builder.Core.Name, builder.Storage.Name));
        return builder;
    }

    private static IHttpClientBuilder AddClient<TInterface, TClient>(IServiceCollection services, Func<HttpClient, FlameHubOptions, TClient> create, Func<FlameHubOptions, Uri> url)
        where TInterface : class
        where TClient : HubClientBase, TInterface
    {
        // The client takes its call settings (timeout, response cap) from the options as it is made.
        var builder = services.AddHttpClient<TClient, TClient>((http, provider) => create(http, Options(provider)))
            .ConfigureHttpClient((provider, http) =>
            {
                http.BaseAddress = HubUrl.WithTrailingSlash(url(Options(provider)));
                http.Timeout = Timeout.InfiniteTimeSpan; // the pipeline's own timeouts apply
            })
            .ConfigurePrimaryHttpMessageHandler(HubHttpPipeline.CreateTransport)
            // The same chain the direct constructors build, from the same options.
            .ConfigureAdditionalHttpMessageHandlers((handlers, provider) =>
            {
                foreach (var handler in HubHttpPipeline.CreateDelegatingHandlers(Options(provider))) handlers.Add(handler);
            });
        services.AddTransient<TInterface>(provider => provider.GetRequiredService<TClient>());
        return builder;
    }

    private static FlameHubOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptions<FlameHubOptions>>().Value;

    /// <summary>Marks the collection as holding the clients, with their HTTP client names.</summary>
    private sealed record Registration(string Auth, string Core, string Storage);
}
