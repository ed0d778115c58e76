using System.Net.Sockets;
using System.Text;
using FlameHub.Core;
using FlameHub.Generated.Tests.Transport;
using FlameHub.Testing;

namespace FlameHub.Generated.Tests.Hostile;

/// <summary>
/// The token endpoint is treated like any call: its transient failures are retried (once, not
/// again by the client's own retry), only 400/401/403 is a refused grant, an absurd
/// <c>expires_in</c> is no error, an answer without a token says what it held without its values,
/// and an endless answer is cut off.
/// </summary>
public class TokenEndpointTests
{
    private static readonly string Token = "eyJ.token." + Guid.NewGuid().ToString("N");

    private static HubCredentialOptions Quick(int maxRetries = 2, TimeProvider? clock = null) => new()
    {
        TokenRequestTimeout = TimeSpan.FromSeconds(2),
        Retry = new HubRetryOptions { MaxRetries = maxRetries, BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(100) },
        TimeProvider = clock ?? TimeProvider.System,
    };

    /// <summary>A token endpoint whose script gets the number (1 for the first) of the request it answers.</summary>
    private static RawHttpServer TokenServer(Func<int, Stream, CancellationToken, Task> script)
    {
        var count = 0;
        return RawHttpServer.Start((_, stream, token) => script(Interlocked.Increment(ref count), stream, token));
    }

    private static Task Answer(Stream stream, int status, string body, CancellationToken token, params (string Name, string Value)[] headers) =>
        RawHttpServer.WriteAsync(stream, status, Encoding.UTF8.GetBytes(body), token, headers);

    private static Task AnswerToken(Stream stream, CancellationToken token) => Answer(stream, 200, Hub.TokenJson(Token, null), token);

    private sealed class Setup(RawHttpServer auth, RawHttpServer core, PasswordAuth credential, CoreClient client) : IAsyncDisposable
    {
        public RawHttpServer Auth => auth;
        public RawHttpServer Core => core;
        public PasswordAuth Credential => credential;
        public CoreClient Client => client;

        public async ValueTask DisposeAsync()
        {
            client.Dispose();
            await core.DisposeAsync();
            await auth.DisposeAsync();
        }
    }

    private static Setup With(RawHttpServer auth, HubCredentialOptions? options = null)
    {
        var core = RawHttpServer.Answering(200, Hub.NodeJson);
        options ??= Quick();
        var credential = new PasswordAuth("admin", Hub.Password, new Uri(auth.BaseAddress, "auth/"), options);
        // One clock for the client and its credential.
        return new Setup(auth, core, credential, new CoreClient(new Uri(core.BaseAddress, "core/"), Hub.QuickOptions(credential, maxRetries: 3, clock: options.TimeProvider)));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_503_from_the_token_endpoint_is_retried_after_a_backoff_wait_and_the_call_succeeds()
    {
        var clock = new TestClock();
        await using var hub = With(TokenServer((n, stream, token) =>
            n == 1 ? Answer(stream, 503, """{"statusCode":503,"message":"Service Unavailable"}""", token) : AnswerToken(stream, token)), Quick(clock: clock));

        var call = hub.Client.GetNodeAsync(Hub.Node);
        var waits = await clock.AdvanceThroughWaitsAsync(call, TimeSpan.FromSeconds(1));
        var node = await call;

        Assert.That(node, Is.Not.Null);
        Assert.That(waits, Has.Count.EqualTo(1).And.All.LessThanOrEqualTo(TimeSpan.FromMilliseconds(100)), "one backoff wait on the credential's clock, within its MaxDelay");
        Assert.That(hub.Auth.Received, Has.Count.EqualTo(2));
        Assert.That(hub.Auth.Received.Select(r => r.BodyText), Has.All.Contains("\"password\""), "the same grant, sent again");
        Assert.That(hub.Core.Received.Single().Headers["Authorization"], Is.EqualTo("Bearer " + Token));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_connection_reset_by_the_token_endpoint_is_retried()
    {
        await using var hub = With(TokenServer((n, stream, token) =>
        {
            if (n > 1) return AnswerToken(stream, token);
            var socket = ((NetworkStream)stream).Socket;
            socket.LingerState = new LingerOption(true, 0); // close with RST
            socket.Close();
            return Task.CompletedTask;
        }));

        var node = await Hub.Bounded(hub.Client.GetNodeAsync(Hub.Node));

        Assert.That(node, Is.Not.Null);
        Assert.That(hub.Auth.Received, Has.Count.GreaterThanOrEqualTo(2));
        Assert.That(hub.Core.Received.Single().Headers["Authorization"], Is.EqualTo("Bearer " + Token));
    }

    [Test, CancelAfter(20_000)]
    public async Task An_attempt_that_outlasts_TokenRequestTimeout_is_retried()
    {
        var clock = new TestClock();
        var options = Quick(clock: clock);
        var limit = TimeSpan.FromMilliseconds(300);
        options.TokenRequestTimeout = limit;
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var hub = With(TokenServer((n, stream, token) =>
        {
            if (n > 1) return AnswerToken(stream, token);
            first.TrySetResult();
            return Task.Delay(Timeout.Infinite, token);
        }), options);

        var call = hub.Client.GetNodeAsync(Hub.Node);
        var (attempt, _) = await Hub.Bounded(clock.NextAsync(d => d == limit), 10);
        await Hub.Bounded(first.Task);
        clock.Advance(limit);
        // Then the backoff before the second attempt, and that attempt answers at once.
        var (_, wait) = await Hub.Bounded(clock.NextAsync(d => d > TimeSpan.Zero && d < limit, attempt + 1), 10);
        Assert.That(hub.Auth.Received, Has.Count.EqualTo(1), "the second attempt waits for its backoff");
        clock.Advance(wait);
        var node = await Hub.Bounded(call);

        Assert.That(node, Is.Not.Null);
        Assert.That(hub.Auth.Received, Has.Count.EqualTo(2));
        Assert.That(clock.Moved, Is.EqualTo(limit + wait), "the attempt's limit and one backoff, on the credential's clock");
    }

    [Test, CancelAfter(20_000)]
    public async Task A_token_endpoint_that_stays_unavailable_is_tried_once_per_retry_not_once_per_client_retry()
    {
        var clock = new TestClock();
        await using var hub = With(TokenServer((_, stream, token) => Answer(stream, 503, "", token)), Quick(clock: clock));

        var call = hub.Client.GetNodeAsync(Hub.Node);
        var waits = await clock.AdvanceThroughWaitsAsync(call, TimeSpan.FromSeconds(1));
        var error = await Hub.CatchBounded(() => call);

        Assert.That(error, Is.InstanceOf<HubApiException>().And.Not.InstanceOf<HubAuthenticationException>(), error?.ToString());
        Assert.That(((HubApiException)error!).IsTransient, Is.True);
        Assert.That(((HubApiException)error).StatusCode, Is.EqualTo(503));
        Assert.That(hub.Auth.Received, Has.Count.EqualTo(3), "the first attempt and the credential's 2 retries; the client's 3 retries add none");
        // The request count above is the proof; the recorded waits can miss a timer that the client set
        // and fired between two of the clock's scans, so they are only held to "none of the client's".
        Assert.That(waits, Has.Count.InRange(1, 2), "a backoff before the credential's retries, none for the client's");
        Assert.That(hub.Core.Received, Is.Empty);
    }

    [Test, CancelAfter(20_000)]
    public async Task A_token_endpoint_that_keeps_dropping_the_connection_is_not_retried_again_by_the_client()
    {
        await using var hub = With(TokenServer((_, _, _) => Task.CompletedTask)); // closes without an answer

        var error = await Hub.CatchBounded(() => hub.Client.GetNodeAsync(Hub.Node));

        Assert.That(error, Is.InstanceOf<HttpRequestException>(), error?.ToString());
        Assert.That(error!.Message, Does.StartWith("The token request (password grant) to /auth/token failed: "));
        // SocketsHttpHandler may resend a request whose connection closed unanswered once by itself,
        // so each of the 3 attempts can reach the server twice; 4 client attempts would make 12 or more.
        Assert.That(hub.Auth.Received, Has.Count.InRange(3, 6));
        Assert.That(error.ToString(), Does.Not.Contain(Hub.Password));
    }

    [Test, CancelAfter(20_000)]
    public async Task A_500_from_the_token_endpoint_is_a_HubApiException_not_a_refused_grant()
    {
        await using var hub = With(TokenServer((_, stream, token) =>
            Answer(stream, 500, """{"statusCode":500,"code":"INTERNAL","message":"database down"}""", token)));

        var error = await Hub.CatchBounded(() => hub.Client.GetNodeAsync(Hub.Node));

        Assert.That(error, Is.InstanceOf<HubApiException>().And.Not.InstanceOf<HubAuthenticationException>(), error?.ToString());
        Assert.That(error!.Message, Is.EqualTo("received status code 500 (INTERNAL): database down"));
        Assert.That(((HubApiException)error).IsTransient, Is.False);
        Assert.That(hub.Auth.Received, Has.Count.EqualTo(1), "500 is not retried");
        Assert.That(error.ToString(), Does.Not.Contain(Hub.Password));
    }

    [TestCase(400)]
    [TestCase(401)]
    [TestCase(403)]
    [CancelAfter(20_000)]
    public async Task A_400_401_or_403_from_the_token_endpoint_is_a_refused_grant(int status)
    {
        await using var hub = With(TokenServer((_, stream, token) => Answer(stream, status, Hub.InvalidCredentialsJson, token)));

        var error = await Hub.CatchBounded(() => hub.Client.GetNodeAsync(Hub.Node));

        Assert.That(error, Is.InstanceOf<HubAuthenticationException>(), error?.ToString());
        var refused = (HubAuthenticationException)error!;
        Assert.That(refused.StatusCode, Is.EqualTo(status));
        Assert.That(refused.GrantType, Is.EqualTo("password"));
        Assert.That(refused.Code, Is.EqualTo("invalid_credentials"));
        Assert.That(hub.Auth.Received, Has.Count.EqualTo(1));
        Assert.That(error!.ToString(), Does.Not.Contain(Hub.Password));
    }

    [TestCase("1e12")]
    [TestCase("1e300")]
    [TestCase("Infinity")]
    [TestCase("NaN")]
    [TestCase("-Infinity")]
    [TestCase("\"soon\"")]
    [TestCase("-5")]
    [TestCase("0")]
    [TestCase("\"3600\"")]
    [TestCase("123456789012345678901234567890")]
    [TestCase("null")]
    [TestCase("{\"seconds\":1}")]
    [CancelAfter(20_000)]
    public async Task An_absurd_expires_in_is_no_error_and_the_token_is_used_again(string expiresIn)
    {
        await using var hub = With(TokenServer((_, stream, token) =>
            Answer(stream, 200, $$"""{"access_token":"{{Token}}","expires_in":{{expiresIn}},"token_type":"Bearer"}""", token)));

        await Hub.Bounded(hub.Client.GetNodeAsync(Hub.Node));
        await Hub.Bounded(hub.Client.GetNodeAsync(Hub.Node));

        Assert.That(hub.Core.Received.Select(r => r.Headers["Authorization"]), Is.EqualTo(new[] { "Bearer " + Token, "Bearer " + Token }));
        Assert.That(hub.Auth.Received, Has.Count.EqualTo(1), "the token was cached, not fetched for every call");
    }

    [TestCase("1e12")]
    [TestCase("Infinity")]
    [CancelAfter(20_000)]
    public async Task A_lifetime_past_one_day_is_renewed_after_a_day(string expiresIn)
    {
        var clock = new ManualClock();
        await using var hub = With(TokenServer((_, stream, token) =>
            Answer(stream, 200, $$"""{"access_token":"{{Token}}","expires_in":{{expiresIn}}}""", token)), Quick(clock: clock));

        await Hub.Bounded(hub.Client.GetNodeAsync(Hub.Node));
        clock.Advance(TimeSpan.FromHours(23));
        await Hub.Bounded(hub.Client.GetNodeAsync(Hub.Node));
        clock.Advance(TimeSpan.FromHours(1));
        await Hub.Bounded(hub.Client.GetNodeAsync(Hub.Node));

        Assert.That(hub.Auth.Received, Has.Count.EqualTo(2), "used for 23 h, renewed once the day (less the refresh margin) is over");
    }

    private static IEnumerable<TestCaseData> TokenlessAnswers()
    {
        yield return new TestCaseData("application/json", """{"foo":1,"bar":"hidden-value"}""", "a JSON object with members foo, bar");
        yield return new TestCaseData("application/json", "{}", "an empty JSON object");
        yield return new TestCaseData("application/json", """{"access_token":""}""", "a JSON object whose access_token is empty");
        yield return new TestCaseData("application/json", """{"access_token":42}""", "a JSON object whose access_token is a number");
        yield return new TestCaseData("application/json", """{"access_token":"hidden-value\r\nX: 1"}""", "a JSON object whose access_token has characters a header cannot carry");
        yield return new TestCaseData("application/json", """["hidden-value"]""", "a JSON value that is an array, not an object");
        yield return new TestCaseData("text/html", "<html>hidden-value</html>", "not JSON (text/html, 25 bytes)");
        yield return new TestCaseData("application/json", "", "an empty body");
    }

    [TestCaseSource(nameof(TokenlessAnswers))]
    [CancelAfter(20_000)]
    public async Task A_200_without_an_access_token_says_what_it_held_without_its_values(string contentType, string body, string held)
    {
        await using var hub = With(TokenServer((_, stream, token) => Answer(stream, 200, body, token, ("Content-Type", contentType))));

        var error = await Hub.CatchBounded(() => hub.Client.GetNodeAsync(Hub.Node));

        Assert.That(error, Is.InstanceOf<HubApiException>().And.Not.InstanceOf<HubAuthenticationException>(), error?.ToString());
        Assert.That(error!.Message, Is.EqualTo("received status code 200 (the token endpoint answered without an access_token: " + held + ")"));
        Assert.That(error.ToString(), Does.Not.Contain("hidden-value").And.Not.Contain(Hub.Password));
        if (body.Length > 0) Assert.That(error.Message, Does.Not.Contain("empty body"));
        Assert.That(((HubApiException)error).Response, Is.Null);
        Assert.That(hub.Auth.Received, Has.Count.EqualTo(1), "a broken answer is not retried");
    }

    [Test, CancelAfter(20_000)]
    public async Task An_endless_token_answer_is_cut_off_at_one_MiB_and_its_connection_dropped()
    {
        var dropped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var hub = With(TokenServer(async (_, stream, token) =>
        {
            try
            {
                await RawHttpServer.WriteHeadAsync(stream, 200, token, ("Transfer-Encoding", "chunked"));
                var chunk = Encoding.ASCII.GetBytes("{\"x\":\"" + new string('a', 64 * 1024));
                while (true) await RawHttpServer.WriteChunkAsync(stream, chunk, token);
            }
            finally
            {
                dropped.TrySetResult();
            }
        }));
        Exception? error;
        long peak;
        using (var memory = new MemorySampler())
        {
            error = await Hub.CatchBounded(() => hub.Client.GetNodeAsync(Hub.Node));
            memory.Dispose();
            peak = memory.PeakGrowth;
        }

        Assert.That(error, Is.InstanceOf<HubApiException>(), error?.ToString());
        Assert.That(error!.Message, Is.EqualTo("received status code 200 (the token endpoint's answer is longer than 1 MiB; it was not read further)"));
        Assert.That(await Task.WhenAny(dropped.Task, Task.Delay(5000)), Is.SameAs(dropped.Task), "the connection was released");
        Assert.That(hub.Auth.Received, Has.Count.EqualTo(1));
        Assert.That(peak, Is.LessThan(16L * 1024 * 1024), "the answer was not buffered past the cap");
    }

    [Test, CancelAfter(20_000)]
    public async Task A_token_answer_that_announces_more_than_one_MiB_is_not_read()
    {
        await using var hub = With(TokenServer(async (_, stream, token) =>
        {
            await RawHttpServer.WriteHeadAsync(stream, 200, token, ("Content-Length", (2 * 1024 * 1024).ToString()));
            await Task.Delay(Timeout.Infinite, token);
        }));

        var error = await Hub.CatchBounded(() => hub.Client.GetNodeAsync(Hub.Node), seconds: 5);

        Assert.That(error, Is.InstanceOf<HubApiException>(), error?.ToString());
        Assert.That(error!.Message, Does.Contain("longer than 1 MiB"));
    }
}
