using FlameHub.Auth;
using FlameHub.Core;
using FlameHub.Storage;

namespace FlameHub;

/// <summary>Settings of <see cref="FlameHubServiceCollectionExtensions.AddFlameHub"/>: the three services' URLs and the pipeline settings all clients share.</summary>
public sealed class FlameHubOptions : HubClientOptions
{
    /// <summary>The auth service's base URL. Default: the public Hub instance.</summary>
    public Uri AuthUrl { get; set; } = AuthClient.DefaultBaseUrl;

    /// <summary>The core service's base URL. Default: the public Hub instance.</summary>
    public Uri CoreUrl { get; set; } = CoreClient.DefaultBaseUrl;

    /// <summary>The storage service's base URL. Default: the public Hub instance.</summary>
    public Uri StorageUrl { get; set; } = StorageClient.DefaultBaseUrl;

    /// <summary>Points the three URLs at one gateway that serves <c>auth/</c>, <c>core/</c> and <c>storage/</c>, for example <c>http://localhost:3000/</c>.</summary>
    /// <param name="gateway">The gateway's root URL.</param>
    public FlameHubOptions UseGateway(Uri gateway)
    {
        var root = HubUrl.WithTrailingSlash(gateway);
        AuthUrl = new Uri(root, "auth/");
        CoreUrl = new Uri(root, "core/");
        StorageUrl = new Uri(root, "storage/");
        return this;
    }
}
