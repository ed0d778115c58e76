using Microsoft.Extensions.DependencyInjection;

namespace FlameHub.Testing;

/// <summary>Points the library's <c>AddFlameHub</c> at a <see cref="FakeHub"/>.</summary>
public static class FakeHubServiceCollectionExtensions
{
    /// <summary>
    /// <c>AddFlameHub</c> for <paramref name="hub"/>: its three URLs, <see cref="FakeHub.Admin"/> as the
    /// credential, and <see cref="FakeHub.Handler"/> as each client's primary handler, under the
    /// library's whole pipeline (retries, credential, logging) and handlers of your own. The fake's
    /// handler is not disposed with the clients' handlers; dispose the hub yourself.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="hub">The fake to send every request to.</param>
    /// <param name="configure">Further settings, applied after the fake's: for example
    /// <c>options.Credential = hub.System</c>, or a credential of your own with
    /// <c>new HubCredentialOptions { TokenHandler = hub.Handler }</c>.</param>
    /// <returns>The clients' HTTP client builders.</returns>
    public static FlameHubBuilder AddFlameHub(this IServiceCollection services, FakeHub hub, Action<FlameHubOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(hub);
        var builder = services.AddFlameHub(options =>
        {
            options.AuthUrl = hub.AuthUrl;
            options.CoreUrl = hub.CoreUrl;
            options.StorageUrl = hub.StorageUrl;
            options.Credential = hub.Admin;
            configure?.Invoke(options);
        });
        // IHttpClientFactory disposes a primary handler when it retires it; the fake's handler ignores that.
        return builder.ConfigureAll(client => client.ConfigurePrimaryHttpMessageHandler(() => hub.Handler));
    }
}
