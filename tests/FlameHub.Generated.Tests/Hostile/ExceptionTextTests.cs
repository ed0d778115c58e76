using FlameHub.Core;
using FlameHub.Generated.Tests.Transport;

namespace FlameHub.Generated.Tests.Hostile;

/// <summary>
/// An error's text carries the answer's headers, readable and without secrets: <c>ToString()</c>
/// lists them as <c>Name: value</c> lines, <see cref="HubApiException.Headers"/> values display as
/// their text, and cookie and authorization values read <c>***</c>.
/// </summary>
public class ExceptionTextTests
{
    private const string SessionSecret = "session=s3cr3t-cookie-value";

    private static async Task<HubApiException> ErrorFromAsync(RawHttpServer server)
    {
        using var core = new CoreClient(new Uri(server.BaseAddress, "core/"), Hub.QuickOptions(maxRetries: 0));
        var error = await Hub.CatchBounded(() => core.GetNodeAsync(Hub.Node));
        Assert.That(error, Is.InstanceOf<HubApiException>(), error?.ToString());
        return (HubApiException)error!;
    }

    [Test, CancelAfter(20_000)]
    public async Task ToString_lists_the_headers_after_the_usual_text()
    {
        await using var server = RawHttpServer.Answering(400, """{"statusCode":400,"code":"undefined","message":"bad"}""",
            ("Vary", "Origin, Accept-Encoding"), ("Set-Cookie", SessionSecret + "; HttpOnly"), ("X-Request-Id", "abc"));

        var error = await ErrorFromAsync(server);
        var text = error.ToString();

        Assert.That(text, Does.StartWith("FlameHub.HubApiException: received status code 400 (undefined): bad"));
        Assert.That(text, Does.Contain(Environment.NewLine + "Content-Type: application/json; charset=utf-8"));
        Assert.That(text, Does.Contain(Environment.NewLine + "Vary: Origin, Accept-Encoding"));
        Assert.That(text, Does.Contain(Environment.NewLine + "Set-Cookie: ***"));
        Assert.That(text, Does.Not.Contain("s3cr3t"));
        Assert.That(text.IndexOf("Vary:", StringComparison.Ordinal), Is.GreaterThan(text.IndexOf("received status code", StringComparison.Ordinal)));
    }

    [Test, CancelAfter(20_000)]
    public async Task Header_values_display_as_their_text()
    {
        await using var server = RawHttpServer.Answering(503, "", ("Vary", "Origin, Accept-Encoding"), ("Set-Cookie", SessionSecret));

        var error = await ErrorFromAsync(server);

        Assert.That(error.Headers["Vary"].ToString(), Is.EqualTo("Origin, Accept-Encoding"));
        Assert.That(error.Headers["vary"], Is.EqualTo(new[] { "Origin", "Accept-Encoding" }), "still the list of values, names without case");
        Assert.That(error.Headers["Set-Cookie"], Is.EqualTo(new[] { "***" }));
    }

    [Test]
    public void Headers_given_to_the_constructor_display_and_redact_the_same_way()
    {
        var headers = new Dictionary<string, IEnumerable<string>>
        {
            ["Vary"] = new List<string> { "Origin", "Accept-Encoding" },
            ["authorization"] = ["Bearer eyJ-secret"],
            ["Proxy-Authorization"] = ["Basic c2VjcmV0"],
            ["Cookie"] = ["a=secret"],
        };

        var error = new HubApiException(500, null, "GET", "/core/nodes", headers);

        Assert.That(error.Headers["VARY"].ToString(), Is.EqualTo("Origin, Accept-Encoding"));
        var text = error.ToString();
        Assert.That(text, Does.Contain("authorization: ***").And.Contain("Proxy-Authorization: ***").And.Contain("Cookie: ***"));
        Assert.That(text, Does.Not.Contain("secret").And.Not.Contain("c2VjcmV0"));
    }

    [Test]
    public void Without_headers_ToString_is_the_usual_text()
    {
        var error = new HubApiException(500, null);

        Assert.That(error.ToString(), Is.EqualTo("FlameHub.HubApiException: received status code 500 (empty body)"));
    }
}
