using FlameHub.Auth;
using FlameHub.Core;
using FlameHub.Storage;

namespace FlameHub;

/// <summary>
/// Settings of <c>AddFlameHub</c>: the three services' URLs and the pipeline settings all clients
/// share. In a host, a null <see cref="HubClientOptions.LoggerFactory"/> becomes the host's
/// <see cref="Microsoft.Extensions.Logging.ILoggerFactory"/>, and a null
/// <see cref="HubClientOptions.CorrelationId"/> one new id that the three clients share.
/// </summary>
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

    /// <summary>The configuration section the options were bound from (its path, <c>""</c> for a root); null when set in code only.</summary>
    internal string? ConfigurationPath { get; set; }

    /// <summary>What binding the configuration found wrong: unknown keys, values that do not convert, an incomplete credential.</summary>
    internal List<OptionProblem> ConfigurationProblems { get; } = [];

    /// <summary>Every problem of the options: the configuration's, the URLs', the pipeline settings'.</summary>
    internal IEnumerable<OptionProblem> AllProblems()
    {
        foreach (var problem in ConfigurationProblems) yield return problem;
        foreach (var (name, url) in new[] { (nameof(AuthUrl), AuthUrl), (nameof(CoreUrl), CoreUrl), (nameof(StorageUrl), StorageUrl) })
        {
            if (HubUrl.Problem(url) is { } problem) yield return new(name, problem);
        }
        foreach (var problem in Problems()) yield return problem;
    }
}
