using Microsoft.Extensions.DependencyInjection;

namespace FlameHub;

/// <summary>The HTTP client builders of the three clients, for the caller's own handlers and settings.</summary>
public sealed class FlameHubBuilder
{
    internal FlameHubBuilder(IServiceCollection services, IHttpClientBuilder auth, IHttpClientBuilder core, IHttpClientBuilder storage)
    {
        Services = services;
        Auth = auth;
        Core = core;
        Storage = storage;
    }

    /// <summary>The service collection the clients were added to.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The auth client's HTTP client builder.</summary>
    public IHttpClientBuilder Auth { get; }

    /// <summary>The core client's HTTP client builder.</summary>
    public IHttpClientBuilder Core { get; }

    /// <summary>The storage client's HTTP client builder.</summary>
    public IHttpClientBuilder Storage { get; }

    /// <summary>Applies <paramref name="configure"/> to all three builders, for example to add a handler.</summary>
    /// <param name="configure">What to do with each builder.</param>
    public FlameHubBuilder ConfigureAll(Action<IHttpClientBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        configure(Auth);
        configure(Core);
        configure(Storage);
        return this;
    }
}
