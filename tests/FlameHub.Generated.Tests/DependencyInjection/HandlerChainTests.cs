using System.Net;
using System.Reflection;
using FlameHub.Core;
using FlameHub.Generated.Tests.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FlameHub.Generated.Tests.DependencyInjection;

/// <summary>
/// One chain: a client made with its own constructor and one made by <c>AddFlameHub</c> run the
/// same handlers in the same order over the same kind of transport, for the same options.
/// </summary>
public sealed class HandlerChainTests
{
    private static readonly Assembly Library = typeof(HubClientOptions).Assembly;

    /// <summary>The handlers from the outermost in, as types.</summary>
    private static List<Type> Walk(HttpMessageHandler handler)
    {
        var types = new List<Type> { handler.GetType() };
        while (handler is DelegatingHandler { InnerHandler: { } inner })
        {
            types.Add(inner.GetType());
            handler = inner;
        }
        return types;
    }

    private static HttpMessageHandler Innermost(HttpMessageHandler handler)
    {
        while (handler is DelegatingHandler { InnerHandler: { } inner }) handler = inner;
        return handler;
    }

    /// <summary>
    /// The library's handlers and the transport: what the chain definition decides. Left out are
    /// the wrapper that keeps a shared transport open (direct clients) and IHttpClientFactory's own
    /// handlers (lifetime tracking, its logging), which the next test lists separately.
    /// </summary>
    private static List<string> Chain(HttpMessageHandler handler) =>
        Walk(handler).Where(t => (t.Assembly == Library && t.Name != "NonDisposingHandler") || t == typeof(SocketsHttpHandler)).Select(t => t.Name).ToList();

    /// <summary>The handler a client sends through: its HttpClient's, as the constructor made it.</summary>
    private static HttpMessageHandler HandlerOf(HubClientBase client)
    {
        var http = (HttpClient)typeof(HubClientBase).GetProperty("HttpClient", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(client)!;
        return (HttpMessageHandler)typeof(HttpMessageInvoker).GetField("_handler", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(http)!;
    }

    private static List<string> Expected(bool credential, bool logging) =>
    [
        "HubTracingHandler",
        "HubResilienceHandler",
        .. credential ? new[] { "HubAuthenticationHandler" } : [],
        .. logging ? new[] { "HubLoggingHandler" } : [],
        "SocketsHttpHandler",
    ];

    private static ServiceProvider Provider(bool credential, ILoggerFactory? loggerFactory, out FlameHubBuilder builder)
    {
        var services = new ServiceCollection();
        builder = services.AddFlameHub(o =>
        {
            o.UseGateway(new Uri("http://127.0.0.1:9/"));
            o.Credential = credential ? new StaticTokenAuth("token") : null;
            o.LoggerFactory = loggerFactory;
        });
        // Without a factory of its own, a host's clients log to the host's; this takes that away
        // to compare with a direct client that has none.
        if (loggerFactory is null) services.PostConfigure<FlameHubOptions>(o => o.LoggerFactory = null);
        return services.BuildServiceProvider();
    }

    [TestCase(false, false)]
    [TestCase(true, false)]
    [TestCase(false, true)]
    [TestCase(true, true)]
    public void Direct_constructors_and_DI_build_the_same_handlers_in_the_same_order(bool credential, bool withLoggerFactory)
    {
        using var capture = new LogCapture();
        using var loggerFactory = withLoggerFactory ? capture.Factory() : null;
        using var provider = Provider(credential, loggerFactory, out var builder);
        var options = provider.GetRequiredService<IOptions<FlameHubOptions>>().Value;
        Assert.That(options.LoggerFactory, Is.SameAs(loggerFactory));

        using var di = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(builder.Core.Name);
        using var direct = new CoreClient(options.CoreUrl, options);
        using var pipeline = HubHttpPipeline.CreateHandler(options);

        Assert.That(Chain(di), Is.EqualTo(Expected(credential, withLoggerFactory)));
        Assert.That(Chain(HandlerOf(direct)), Is.EqualTo(Chain(di)));
        Assert.That(Chain(pipeline), Is.EqualTo(Chain(di)));
        var (diTransport, directTransport) = ((SocketsHttpHandler)Innermost(di), (SocketsHttpHandler)Innermost(HandlerOf(direct)));
        Assert.That(diTransport.AllowAutoRedirect, Is.False.And.EqualTo(directTransport.AllowAutoRedirect));
        Assert.That(diTransport.AutomaticDecompression, Is.EqualTo(DecompressionMethods.GZip | DecompressionMethods.Deflate).And.EqualTo(directTransport.AutomaticDecompression));
        Assert.That(diTransport.PooledConnectionLifetime, Is.EqualTo(directTransport.PooledConnectionLifetime));
    }

    [Test]
    public void DI_adds_only_the_factorys_own_handlers_and_the_callers_go_inside_the_library_chain()
    {
        var services = new ServiceCollection();
        var builder = services.AddFlameHub(o => o.UseGateway(new Uri("http://127.0.0.1:9/")));
        builder.Core.AddHttpMessageHandler(() => new MarkerHandler());
        using var provider = services.BuildServiceProvider();

        using var di = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(builder.Core.Name);
        var types = Walk(di);

        var library = types.Where(t => t.Assembly == Library).Select(t => t.Name).ToList();
        Assert.That(library, Is.EqualTo(new[] { "HubTracingHandler", "HubResilienceHandler", "HubLoggingHandler" }), "the host's logger factory; no pass-through");
        var others = types.Where(t => t.Assembly != Library && t != typeof(MarkerHandler) && t != typeof(SocketsHttpHandler)).ToList();
        Assert.That(others.Select(t => t.Assembly.GetName().Name).Distinct(), Is.EqualTo(new[] { "Microsoft.Extensions.Http" }), string.Join(", ", others));
        Assert.That(types.IndexOf(typeof(MarkerHandler)), Is.GreaterThan(types.LastIndexOf(types.Last(t => t.Assembly == Library))));
    }

    [Test]
    public void Calling_AddFlameHub_twice_leaves_one_chain()
    {
        var services = new ServiceCollection();
        services.AddFlameHub(ConfiguredHub.Section(("Gateway", "http://127.0.0.1:9/")));
        var builder = services.AddFlameHub(o => o.Credential = new StaticTokenAuth("token"));
        using var provider = services.BuildServiceProvider();

        using var di = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(builder.Core.Name);

        Assert.That(Chain(di), Is.EqualTo(Expected(credential: true, logging: true)));
    }

    [Test, CancelAfter(20_000)]
    public async Task Without_a_logger_factory_of_its_own_a_DI_client_logs_its_requests_to_the_host()
    {
        await using var hub = await ConfiguredHub.StartAsync();
        using var capture = new LogCapture();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(capture));
        services.AddFlameHub(ConfiguredHub.Section(("Gateway", hub.BaseAddress.ToString())));
        using var provider = services.BuildServiceProvider();

        await Hub.Bounded(provider.GetRequiredService<ICoreClient>().GetNodeAsync(Hub.Node));

        Assert.That(capture.Entries.Where(e => e.Category == "FlameHub.Http").Select(e => e.Message),
            Has.Some.Contains("/core/nodes/" + Hub.NodeId), string.Join("\n", capture.Entries.Select(e => e.AllText)));
    }

    private sealed class MarkerHandler : DelegatingHandler;
}
