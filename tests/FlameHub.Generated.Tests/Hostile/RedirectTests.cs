using FlameHub.Core;
using FlameHub.Generated.Tests.Transport;

namespace FlameHub.Generated.Tests.Hostile;

/// <summary>
/// No credential leaves its origin: a 3xx answer, from the token endpoint or from a service, is
/// never followed. The caller gets a <see cref="HubApiException"/> naming the status and where it
/// pointed (without user info or query), and the other origin receives nothing.
/// </summary>
public class RedirectTests
{
    private static RawHttpServer Foreign() => RawHttpServer.Answering(200, Hub.TokenJson("foreign-token-" + Guid.NewGuid().ToString("N"), null));

    private static RawHttpServer RedirectingTo(RawHttpServer foreign, int status, string pathAndQuery) =>
        RawHttpServer.Start((_, stream, token) => RawHttpServer.WriteAsync(stream, status, [], token,
            ("Location", $"http://robot:hunter2@127.0.0.1:{foreign.BaseAddress.Port}{pathAndQuery}")));

    private static HubCredentialOptions NoRetries(HttpMessageHandler? tokenHandler = null) => new()
    {
        TokenRequestTimeout = TimeSpan.FromSeconds(5),
        Retry = new HubRetryOptions { MaxRetries = 0 },
        TokenHandler = tokenHandler,
    };

    [TestCase(307)]
    [TestCase(308)]
    [CancelAfter(20_000)]
    public async Task A_redirect_from_the_token_endpoint_is_not_followed_and_the_grant_stays_home(int status)
    {
        await using var foreign = Foreign();
        await using var auth = RedirectingTo(foreign, status, "/token?code=leaked-code");
        await using var core = RawHttpServer.Answering(200, Hub.NodeJson);
        var credential = new PasswordAuth("admin", Hub.Password, new Uri(auth.BaseAddress, "auth/"), NoRetries());
        using var client = new CoreClient(new Uri(core.BaseAddress, "core/"), Hub.QuickOptions(credential, maxRetries: 3));

        var error = await Hub.CatchBounded(() => client.GetNodeAsync(Hub.Node));

        Assert.That(error, Is.InstanceOf<HubApiException>().And.Not.InstanceOf<HubAuthenticationException>(), error?.ToString());
        var api = (HubApiException)error!;
        Assert.That(api.StatusCode, Is.EqualTo(status));
        Assert.That(api.Message, Is.EqualTo(
            $"received status code {status} (redirect to http://127.0.0.1:{foreign.BaseAddress.Port}/token, not followed: the library does not follow redirects)"));
        Assert.That(error!.ToString(), Does.Not.Contain("hunter2").And.Not.Contain("leaked-code").And.Not.Contain(Hub.Password));
        Assert.That(api.Headers["Location"].ToString(), Is.EqualTo($"http://127.0.0.1:{foreign.BaseAddress.Port}/token"));
        Assert.That(foreign.Received, Is.Empty, "the grant was not posted to the other origin");
        Assert.That(auth.Received, Has.Count.EqualTo(1), "a redirect is not retried");
        Assert.That(core.Received, Is.Empty, "nothing goes to core without a token");
    }

    [TestCase(302)]
    [TestCase(307)]
    [CancelAfter(20_000)]
    public async Task A_redirect_from_a_service_is_not_followed(int status)
    {
        await using var foreign = RawHttpServer.Answering(200, Hub.NodeJson);
        await using var core = RedirectingTo(foreign, status, "/core/nodes/" + Hub.NodeId + "?sig=abc");
        using var client = new CoreClient(new Uri(core.BaseAddress, "core/"), Hub.QuickOptions(new StaticTokenAuth("home-token"), maxRetries: 3));

        var error = await Hub.CatchBounded(() => client.GetNodeAsync(Hub.Node));

        Assert.That(error, Is.InstanceOf<HubApiException>(), error?.ToString());
        Assert.That(error!.Message, Does.StartWith($"received status code {status} (redirect to http://127.0.0.1:{foreign.BaseAddress.Port}/core/nodes/{Hub.NodeId}, not followed"));
        Assert.That(error.Message, Does.Not.Contain("sig=").And.Not.Contain("hunter2"));
        Assert.That(foreign.Received, Is.Empty);
        Assert.That(core.Received, Has.Count.EqualTo(1));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_token_from_another_origin_is_refused_when_the_callers_TokenHandler_follows_redirects()
    {
        await using var foreign = Foreign();
        await using var auth = RedirectingTo(foreign, 307, "/token");
        await using var core = RawHttpServer.Answering(200, Hub.NodeJson);
        using var following = new SocketsHttpHandler { AllowAutoRedirect = true };
        var credential = new PasswordAuth("admin", Hub.Password, new Uri(auth.BaseAddress, "auth/"), NoRetries(following));
        using var client = new CoreClient(new Uri(core.BaseAddress, "core/"), Hub.QuickOptions(credential));

        var error = await Hub.CatchBounded(() => client.GetNodeAsync(Hub.Node));

        Assert.That(error, Is.InstanceOf<HubApiException>().And.Not.InstanceOf<HubAuthenticationException>(), error?.ToString());
        Assert.That(error!.Message, Is.EqualTo(
            $"received status code 200 (the token endpoint's answer came from http://127.0.0.1:{foreign.BaseAddress.Port}, not from http://127.0.0.1:{auth.BaseAddress.Port}: " +
            "the TokenHandler followed a redirect, and a token from another origin is not used)"));
        Assert.That(error.ToString(), Does.Not.Contain("foreign-token"));
        // The documented risk: a following handler did take the grant there; the token it got is not used.
        Assert.That(foreign.Received, Has.Count.EqualTo(1));
        Assert.That(core.Received, Is.Empty, "the core request never carries the foreign token");
    }

    [TestCase("http://user:pw@other:1234/token?code=x#f", "http://other:1234/token")]
    [TestCase("https://other/a/b", "https://other/a/b")]
    [TestCase("/auth/token?next=secret", "/auth/token")]
    [TestCase("//user:pw@other:81/x?y=1", "//other:81/x")]
    [TestCase("token#frag", "token")]
    public void The_location_shown_has_no_user_info_query_or_fragment(string location, string shown)
    {
        var error = new HubApiException(301, "<html>moved</html>", "GET", "/core/", new Dictionary<string, IEnumerable<string>> { ["location"] = [location] });

        Assert.That(error.Message, Is.EqualTo($"received status code 301 (redirect to {shown}, not followed: the library does not follow redirects)"));
    }

    [Test]
    public void A_3xx_without_Location_reads_like_any_other_status()
    {
        var error = new HubApiException(304, null, "GET", "/core/");

        Assert.That(error.Message, Is.EqualTo("received status code 304 (empty body)"));
    }

    [Test]
    public void The_library_transport_follows_no_redirect()
    {
        using var transport = HubHttpPipeline.CreateTransport();

        Assert.That(transport.AllowAutoRedirect, Is.False);
    }
}
