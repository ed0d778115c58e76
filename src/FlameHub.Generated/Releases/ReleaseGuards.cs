using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FlameHub;

/// <summary>
/// The release checks of the clients made with one options object, one per service, base URL and
/// mode: <c>AddFlameHub</c> makes a client per resolution from one options object, and they share one
/// check instead of reading <c>GET /</c> each.
/// </summary>
internal sealed class ReleaseGuards
{
    private readonly ConcurrentDictionary<(string Service, string BaseUrl, HubReleaseCheck Mode), ReleaseGuard> _guards = new();

    public ReleaseGuard For(string service, Uri baseUrl, HubReleaseCheck mode, ILoggerFactory? loggers) =>
        _guards.GetOrAdd((service, baseUrl.AbsoluteUri, mode), static (key, loggers) => new ReleaseGuard(key.Mode, loggers?.CreateLogger("FlameHub.Release")), loggers);
}
