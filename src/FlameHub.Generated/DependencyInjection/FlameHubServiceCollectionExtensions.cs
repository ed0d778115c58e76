using FlameHub.Auth;
using FlameHub.Core;
using FlameHub.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlameHub;

/// <summary>Registers the Hub clients with <see cref="IHttpClientFactory"/>.</summary>
public static class FlameHubServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="AuthClient"/>, <see cref="CoreClient"/> and <see cref="StorageClient"/> (and
    /// their interfaces) as typed clients. They share the options' credential, so one token.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets URLs, credential, timeouts, retries.</param>
    public static FlameHubBuilder AddFlameHub(this IServiceCollection services, Action<FlameHubOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<FlameHubOptions>().Configure(configure).Validate(Valid, "FlameHubOptions are invalid: check the URLs, timeouts and retry settings.");
        var correlationId = Guid.NewGuid().ToString("D");
        return new FlameHubBuilder(services,
            AddClient<IAuthClient, AuthClient>(services, (http, options) => new AuthClient(http, options), o => o.AuthUrl, correlationId),
            AddClient<ICoreClient, CoreClient>(services, (http, options) => new CoreClient(http, options), o => o.CoreUrl, correlationId),
            AddClient<IStorageClient, StorageClient>(services, (http, options) => new StorageClient(http, options), o => o.StorageUrl, correlationId));
    }

    private static IHttpClientBuilder AddClient<TInterface, TClient>(IServiceCollection services, Func<HttpClient, FlameHubOptions, TClient> create,
        Func<FlameHubOptions, Uri> url, string correlationId)
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
            .ConfigurePrimaryHttpMessageHandler(HubHttpPipeline.CreateTransport);
        builder.AddHttpMessageHandler(provider => new HubTracingHandler(Options(provider).CorrelationId ?? correlationId));
        builder.AddHttpMessageHandler(provider => new HubResilienceHandler(Options(provider),
            (Options(provider).LoggerFactory ?? provider.GetService<ILoggerFactory>())?.CreateLogger("FlameHub.Http")));
        builder.AddHttpMessageHandler(provider => Options(provider).Credential is { } credential
            ? new HubAuthenticationHandler(credential) : new PassThroughHandler());
        builder.AddHttpMessageHandler(provider => new HubLoggingHandler(
            (Options(provider).LoggerFactory ?? provider.GetService<ILoggerFactory>())?.CreateLogger("FlameHub.Http")
            ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance));
        services.AddTransient<TInterface>(provider => provider.GetRequiredService<TClient>());
        return builder;
    }

    private static FlameHubOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptions<FlameHubOptions>>().Value;

    private static bool Valid(FlameHubOptions options)
    {
        try
        {
            options.Validate();
            foreach (var url in new[] { options.AuthUrl, options.CoreUrl, options.StorageUrl }) HubUrl.WithTrailingSlash(url);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private sealed class PassThroughHandler : DelegatingHandler;
}
