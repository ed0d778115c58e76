using FlameHub.Auth;
using FlameHub.Core;
using FlameHub.Storage;

namespace FlameHub.Generated.Tests.Hostile;

/// <summary>A single get is null only when the Hub itself says the record does not exist; any other 404 is an error.</summary>
public class NotFoundTests
{
    private const string Hub0813 = """{"statusCode":404,"code":"NOT_FOUND","message":""}""";
    private const string Hub014 = """{"statusCode":404,"code":"entity_not_found","message":"The node was not found.","issues":[]}""";
    private const string AuthupBeta62 = """{"name":"EntityNotFoundError","message":"Entity not found.","code":"entity_not_found","statusCode":404}""";
    private const string Nginx = "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>\r\n";
    private const string RouteNotFound = """{"status":404,"message":"Not Found"}""";

    private static HubClientOptions Options() => new()
    {
        Timeout = TimeSpan.FromSeconds(5),
        AttemptTimeout = TimeSpan.FromSeconds(5),
        Retry = new HubRetryOptions { MaxRetries = 0 },
    };

    private static async Task<object?> GetAsync(string service, Uri root)
    {
        switch (service)
        {
            case "core":
            {
                using var core = new CoreClient(new Uri(root, "core/"), Options());
                return await core.GetNodeAsync(Guid.NewGuid());
            }
            case "storage":
            {
                using var storage = new StorageClient(new Uri(root, "storage/"), Options());
                return await storage.GetBucketAsync("my-bucket");
            }
            default:
            {
                using var auth = new AuthClient(new Uri(root, "auth/"), Options());
                return await auth.GetRealmAsync(Guid.Empty);
            }
        }
    }

    [TestCase("core", Hub0813)]
    [TestCase("auth", Hub0813)]
    [TestCase("storage", Hub0813)]
    [TestCase("core", Hub014)]
    [TestCase("storage", Hub014)]
    [TestCase("auth", AuthupBeta62)]
    [CancelAfter(20_000)]
    public async Task The_Hubs_own_not_found_answer_reads_as_null(string service, string body)
    {
        await using var server = RawHttpServer.Answering(404, body);

        var result = await Hub(GetAsync(service, server.BaseAddress));

        Assert.That(result, Is.Null);
        Assert.That(server.Received.Single().Target, Does.StartWith("/" + service + "/"));
    }

    [TestCase("core", Nginx, "text/html", TestName = "An_nginx_404_page_is_an_error_that_asks_about_the_base_URL")]
    [TestCase("storage", "", "text/plain", TestName = "An_empty_404_is_an_error_that_asks_about_the_base_URL")]
    [TestCase("auth", RouteNotFound, "application/json", TestName = "A_route_not_found_JSON_404_is_an_error_that_asks_about_the_base_URL")]
    [TestCase("core", """{"statusCode":404,"code":"ROUTE_NOT_FOUND","message":"no route"}""", "application/json", TestName = "A_404_with_another_code_is_an_error")]
    [TestCase("core", """["NOT_FOUND"]""", "application/json", TestName = "A_404_whose_JSON_is_not_an_object_is_an_error")]
    [CancelAfter(20_000)]
    public async Task Any_other_404_is_an_error(string service, string body, string contentType)
    {
        await using var server = RawHttpServer.Answering(404, body, ("Content-Type", contentType));

        var error = await Transport.Hub.CatchBounded(() => GetAsync(service, server.BaseAddress));

        Assert.That(error, Is.TypeOf<HubApiException>(), error?.ToString());
        var api = (HubApiException)error!;
        Assert.That(api.StatusCode, Is.EqualTo(404));
        Assert.That(api.Message, Does.Contain("not the Hub's not-found answer: is the base URL right? (" + new Uri(server.BaseAddress, service + "/") + ")"));
        Assert.That(api.Path, Does.StartWith("/" + service + "/"));
        if (body.Length > 0) Assert.That(api.Response, Is.EqualTo(body));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_404_body_is_read_only_up_to_the_error_body_cap()
    {
        var huge = new string(' ', 1024 * 1024) + Hub0813;
        await using var server = RawHttpServer.Answering(404, huge);

        var error = await Transport.Hub.CatchBounded(() => GetAsync("core", server.BaseAddress));

        // Past 64 KiB the body is cut, so the Hub's code is never seen: an error, not a null.
        Assert.That(error, Is.TypeOf<HubApiException>(), error?.ToString());
        Assert.That(((HubApiException)error!).Response!.Length, Is.EqualTo(64 * 1024));
    }

    private static Task<object?> Hub(Task<object?> task) => Transport.Hub.Bounded(task);
}
