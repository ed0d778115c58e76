using System.Net;
using System.Runtime.CompilerServices;
using System.Text;
using Newtonsoft.Json;

namespace FlameHub;

/// <summary>
/// What every generated client does with a request: build it, send it through the
/// <see cref="System.Net.Http.HttpClient"/>, turn an unexpected status into a
/// <see cref="HubApiException"/> and read the JSON answer. The generated methods only say which
/// operation (for its span and metrics), path, body and result type it is. Only the generated
/// clients derive from it; its settings are fixed when the client is made.
/// </summary>
public abstract partial class HubClientBase : IDisposable
{
    private const string JsonMediaType = "application/json";
    private readonly bool _ownsHttpClient;
    private readonly Uri _baseUrl;
    private readonly TimeoutSources _timeouts;

    /// <summary>Uses <paramref name="httpClient"/>, whose <see cref="HttpClient.BaseAddress"/> is the service's base URL.</summary>
    /// <param name="httpClient">The client to send with.</param>
    /// <param name="ownsHttpClient">Whether <see cref="Dispose()"/> disposes <paramref name="httpClient"/>.</param>
    /// <param name="options">The call settings (<see cref="HubClientOptions.Timeout"/>, <see cref="HubClientOptions.MaxResponseBytes"/>,
    /// <see cref="HubClientOptions.AttemptTimeout"/> for downloads, <see cref="HubClientOptions.ReleaseCheck"/>); null for the defaults.</param>
    /// <param name="service">The service (<c>auth</c>, <c>core</c>, <c>storage</c>), whose release the release check reads.</param>
    private protected HubClientBase(HttpClient httpClient, bool ownsHttpClient, HubClientOptions? options, string service)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        if (httpClient.BaseAddress is null)
        {
            throw new ArgumentException("The HttpClient needs a BaseAddress: the service's base URL, such as http://localhost:3000/core/.", nameof(httpClient));
        }
        options ??= new HubClientOptions();
        options.Validate();
        // The caller's HttpClient is left as it is: its BaseAddress cannot change once it has sent a
        // request, so paths are resolved against the normalized base here instead.
        _baseUrl = HubUrl.WithTrailingSlash(httpClient.BaseAddress);
        HttpClient = httpClient;
        _ownsHttpClient = ownsHttpClient;
        Timeout = options.Timeout;
        MaxResponseBytes = options.MaxResponseBytes;
        DownloadIdleTimeout = options.AttemptTimeout;
        _timeouts = new TimeoutSources(options.TimeProvider);
        (_service, _releases, _release) = ReleaseCheckOf(options, service, _baseUrl);
    }

    /// <summary>The HTTP client requests go through.</summary>
    private protected HttpClient HttpClient { get; }

    /// <summary>The limit for a whole call, reading the answer included (a download: until its headers); <see cref="HubClientOptions.Timeout"/>.</summary>
    internal TimeSpan Timeout { get; }

    /// <summary>The most bytes a JSON answer may have (<see cref="HubClientOptions.MaxResponseBytes"/>).</summary>
    internal long MaxResponseBytes { get; }

    /// <summary>How long a download stream's read may wait for bytes (<see cref="HubClientOptions.AttemptTimeout"/>).</summary>
    internal TimeSpan DownloadIdleTimeout { get; }

    /// <summary>The clock of the call limits (<see cref="HubClientOptions.TimeProvider"/>).</summary>
    internal TimeProvider Clock => _timeouts.Clock;

    /// <summary>The service's base URL, ending with a slash.</summary>
    public Uri BaseUrl => _baseUrl;

    /// <summary>Sends a request and reads its JSON answer as <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="operation">The operation, for its span and metrics.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path relative to the base URL, query included.</param>
    /// <param name="body">The JSON body, if any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    private protected async Task<T> SendAsync<T>(HubOperationInfo operation, HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var scope = HubOperationScope.Start(operation, method, _baseUrl);
        try
        {
            using var request = CreateRequest(method, path, body);
            scope?.Attach(request);
            using var call = CallTimeout.Start(Timeout, _timeouts, cancellationToken);
            try
            {
                using var response = await SendCheckedAsync(request, call.Token).ConfigureAwait(false);
                scope?.Answered(response);
                return await JsonAnswer.ReadAsync<T>(request, response, MaxResponseBytes, call).ConfigureAwait(false);
            }
            catch (OperationCanceledException exception) when (call.HasExpired(cancellationToken))
            {
                throw call.Expired(request, exception);
            }
        }
        catch (Exception exception) when (HubOperationScope.Failed(scope, exception, cancellationToken))
        {
            throw; // never reached: the filter only records the failure
        }
    }

    /// <summary>Sends a request whose answer carries nothing the caller needs.</summary>
    /// <param name="operation">The operation, for its span and metrics.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path relative to the base URL, query included.</param>
    /// <param name="body">The JSON body, if any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    private protected async Task SendAsync(HubOperationInfo operation, HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var scope = HubOperationScope.Start(operation, method, _baseUrl);
        try
        {
            using var request = CreateRequest(method, path, body);
            scope?.Attach(request);
            using var call = CallTimeout.Start(Timeout, _timeouts, cancellationToken);
            try
            {
                using var response = await SendCheckedAsync(request, call.Token).ConfigureAwait(false);
                scope?.Answered(response);
            }
            catch (OperationCanceledException exception) when (call.HasExpired(cancellationToken))
            {
                throw call.Expired(request, exception);
            }
        }
        catch (Exception exception) when (HubOperationScope.Failed(scope, exception, cancellationToken))
        {
            throw; // never reached: the filter only records the failure
        }
    }

    /// <summary>
    /// Reads one entity; null when the Hub answers 404 with its own not-found body (code
    /// <c>NOT_FOUND</c> or <c>entity_not_found</c>). Any other 404, such as a proxy's page for a
    /// wrong base URL, is a <see cref="HubApiException"/>.
    /// </summary>
    /// <typeparam name="T">The entity type.</typeparam>
    /// <param name="operation">The operation, for its span and metrics.</param>
    /// <param name="path">The entity's path.</param>
    /// <param name="options">Include and Fields; other query parts do not apply to a single read.</param>
    /// <param name="defaultIncludes">The relations included when <paramref name="options"/> does not say.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    private protected async Task<T?> GetOrNullAsync<T>(HubOperationInfo operation, string path, FindOptions? options, IReadOnlyList<string> defaultIncludes,
        CancellationToken cancellationToken)
        where T : class
    {
        if (options is not null && (options.Filter.Count > 0 || options.Sort.Count > 0 || options.Page is not null))
        {
            throw new ArgumentException("A single read takes only Include and Fields; Filter, Sort and Page apply to lists.", nameof(options));
        }
        using var scope = HubOperationScope.Start(operation, HttpMethod.Get, _baseUrl);
        try
        {
            using var request = CreateRequest(HttpMethod.Get, WithQuery(path, HubQuery.Build(options, defaultIncludes)), null);
            scope?.Attach(request);
            using var call = CallTimeout.Start(Timeout, _timeouts, cancellationToken);
            try
            {
                using var response = await SendCoreAsync(request, call.Token).ConfigureAwait(false);
                scope?.Answered(response);
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    var text = await ResponseBody.ReadErrorTextAsync(response.Content, call.Token).ConfigureAwait(false);
                    var body = HubErrorBody.Parse(text);
                    if (body.IsHubNotFound) return null;
                    throw HubApiException.NotTheHubsNotFound(body, text, request.Method.Method, PathOf(request), HubHeaders.Of(response), _baseUrl);
                }
                await EnsureSuccessAsync(request, response, call.Token).ConfigureAwait(false);
                return await JsonAnswer.ReadAsync<T>(request, response, MaxResponseBytes, call).ConfigureAwait(false);
            }
            catch (OperationCanceledException exception) when (call.HasExpired(cancellationToken))
            {
                throw call.Expired(request, exception);
            }
        }
        catch (Exception exception) when (HubOperationScope.Failed(scope, exception, cancellationToken))
        {
            throw; // never reached: the filter only records the failure
        }
    }

    /// <summary>As <see cref="GetOrNullAsync{T}"/>, for a record the document declares wrapped in <c>{"data": ...}</c>.</summary>
    /// <typeparam name="T">The entity type.</typeparam>
    /// <param name="operation">The operation, for its span and metrics.</param>
    /// <param name="path">The entity's path.</param>
    /// <param name="options">Include and Fields.</param>
    /// <param name="defaultIncludes">The relations included when <paramref name="options"/> does not say.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    private protected async Task<T?> GetRecordOrNullAsync<T>(HubOperationInfo operation, string path, FindOptions? options, IReadOnlyList<string> defaultIncludes,
        CancellationToken cancellationToken)
        where T : class
        => (await GetOrNullAsync<RecordEnvelope<T>>(operation, path, options, defaultIncludes, cancellationToken).ConfigureAwait(false))?.Data;

    /// <summary>As <see cref="SendAsync{T}"/>, for an answer the document declares wrapped in <c>{"data": ...}</c>.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="operation">The operation, for its span and metrics.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path relative to the base URL, query included.</param>
    /// <param name="body">The JSON body, if any.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    private protected async Task<T> SendRecordAsync<T>(HubOperationInfo operation, HttpMethod method, string path, object? body, CancellationToken cancellationToken)
        => (await SendAsync<RecordEnvelope<T>>(operation, method, path, body, cancellationToken).ConfigureAwait(false)).Data;

    /// <summary>Reads one page of a list.</summary>
    /// <typeparam name="T">The entity type.</typeparam>
    /// <param name="operation">The operation, for its span and metrics.</param>
    /// <param name="path">The collection's path.</param>
    /// <param name="options">Filter, page, sort, include and fields.</param>
    /// <param name="defaultIncludes">The relations included when <paramref name="options"/> does not say.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    private protected async Task<HubList<T>> FindAsync<T>(HubOperationInfo operation, string path, FindOptions? options, IReadOnlyList<string> defaultIncludes,
        CancellationToken cancellationToken)
    {
        var envelope = await SendAsync<ListEnvelope<T>>(operation, HttpMethod.Get, WithQuery(path, HubQuery.Build(options, defaultIncludes)), null, cancellationToken)
            .ConfigureAwait(false);
        return new HubList<T>(envelope.Data, envelope.Meta ?? new ListMeta { Total = envelope.Data.Count });
    }

    /// <summary>Every record of a list, page by page as the caller iterates; one page is held at a time, each its own operation span.</summary>
    /// <typeparam name="T">The entity type.</typeparam>
    /// <param name="operation">The operation, for the span and metrics of each page.</param>
    /// <param name="path">The collection's path.</param>
    /// <param name="options">Filter, sort, include and fields; its page sets the page size and the first offset.</param>
    /// <param name="defaultIncludes">The relations included when <paramref name="options"/> does not say.</param>
    /// <param name="cancellationToken">Cancels the iteration.</param>
    private protected async IAsyncEnumerable<T> ListAllAsync<T>(HubOperationInfo operation, string path, FindOptions? options, IReadOnlyList<string> defaultIncludes,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var page = options?.Page ?? new Page();
        var current = options ?? new FindOptions();
        while (true)
        {
            var list = await FindAsync<T>(operation, path, current.WithPage(page), defaultIncludes, cancellationToken).ConfigureAwait(false);
            foreach (var item in list) yield return item;
            var served = list.Meta.Offset ?? page.Offset;
            if (list.Count == 0 || list.Count < page.Limit || served + list.Count >= list.Meta.Total) yield break;
            page = page with { Offset = served + list.Count };
        }
    }

    /// <summary>
    /// Streams a response body; disposing the stream releases the connection. A read that gets no
    /// bytes for <see cref="HubClientOptions.AttemptTimeout"/> (the stream's ReadTimeout) fails with an
    /// <see cref="HttpIOException"/> whose inner exception is a <see cref="TimeoutException"/>.
    /// </summary>
    /// <param name="operation">The operation, for its span and metrics; they end when the stream is handed out.</param>
    /// <param name="path">The path relative to the base URL.</param>
    /// <param name="progress">Receives the bytes read so far (see <see cref="TransferProgress"/>); null for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    private protected async Task<Stream> DownloadAsync(HubOperationInfo operation, string path, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        using var scope = HubOperationScope.Start(operation, HttpMethod.Get, _baseUrl);
        try
        {
            using var request = new HubRequest(HttpMethod.Get, new Uri(path, UriKind.Relative));
            scope?.Attach(request);
            using var call = CallTimeout.Start(Timeout, _timeouts, cancellationToken, reuse: false);
            try
            {
                var response = await SendCheckedAsync(request, call.Token).ConfigureAwait(false);
                scope?.Answered(response);
                return await DownloadStream.OpenAsync(response, DownloadIdleTimeout, Clock, progress, call.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException exception) when (call.HasExpired(cancellationToken))
            {
                throw call.Expired(request, exception);
            }
        }
        catch (Exception exception) when (HubOperationScope.Failed(scope, exception, cancellationToken))
        {
            throw; // never reached: the filter only records the failure
        }
    }

    /// <summary>Uploads files as one streamed multipart request and reads the list of stored records.</summary>
    /// <typeparam name="T">The record type of a stored file.</typeparam>
    /// <param name="operation">The operation, for its span and metrics.</param>
    /// <param name="path">The upload path relative to the base URL.</param>
    /// <param name="files">The files; at least one.</param>
    /// <param name="progress">Receives the files' bytes sent so far (see <see cref="TransferProgress"/>); null for none.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    private protected async Task<IReadOnlyList<T>> UploadAsync<T>(HubOperationInfo operation, string path, IEnumerable<UploadFile> files, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        using var scope = HubOperationScope.Start(operation, HttpMethod.Post, _baseUrl);
        try
        {
            using var request = new HubRequest(HttpMethod.Post, new Uri(path, UriKind.Relative))
            {
                Content = MultipartUpload.Create(files as IReadOnlyList<UploadFile> ?? files.ToList(), progress),
            };
            request.Headers.TryAddWithoutValidation("Accept", JsonMediaType);
            scope?.Attach(request);
            using var call = CallTimeout.Start(Timeout, _timeouts, cancellationToken);
            try
            {
                using var response = await SendCheckedAsync(request, call.Token).ConfigureAwait(false);
                scope?.Answered(response);
                return (await JsonAnswer.ReadAsync<ListEnvelope<T>>(request, response, MaxResponseBytes, call).ConfigureAwait(false)).Data;
            }
            catch (OperationCanceledException exception) when (call.HasExpired(cancellationToken))
            {
                throw call.Expired(request, exception);
            }
        }
        catch (Exception exception) when (HubOperationScope.Failed(scope, exception, cancellationToken))
        {
            throw; // never reached: the filter only records the failure
        }
    }

    /// <summary>Sends a request and checks its status; the caller disposes the response.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    private protected async Task<HttpResponseMessage> SendCheckedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await SendCoreAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            await EnsureSuccessAsync(request, response, cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>Builds a request with an optional JSON body.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The path relative to the base URL, query included.</param>
    /// <param name="body">The JSON body, if any.</param>
    private protected static HttpRequestMessage CreateRequest(HttpMethod method, string path, object? body)
    {
        var request = new HubRequest(method, new Uri(path, UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Accept", JsonMediaType);
        if (body is not null)
        {
            if (body is IValidatable validatable) validatable.Validate();
            request.Content = new StringContent(JsonConvert.SerializeObject(body, HubJson.Settings), Encoding.UTF8, JsonMediaType);
        }
        return request;
    }

    /// <summary>Appends <paramref name="query"/> to <paramref name="path"/> when there is one.</summary>
    /// <param name="path">The path.</param>
    /// <param name="query">The query, without <c>?</c>.</param>
    private protected static string WithQuery(string path, string query) => query.Length == 0 ? path : path + "?" + query;

    private Task<HttpResponseMessage> SendWireAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { IsAbsoluteUri: false } relative) request.RequestUri = new Uri(_baseUrl, relative);
        HubRequestOptions.SetDeadline(request, Timeout, Clock);
        return HttpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    private static async Task EnsureSuccessAsync(HttpRequestMessage request, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode) return;
        // Only the start of an error body is kept; the rest goes with the connection when the caller disposes the response.
        var text = await ResponseBody.ReadErrorTextAsync(response.Content, cancellationToken).ConfigureAwait(false);
        throw new HubApiException((int)response.StatusCode, text, request.Method.Method, PathOf(request), HubHeaders.Of(response));
    }

    /// <summary>The request's path without host and query, for messages.</summary>
    internal static string? PathOf(HttpRequestMessage request) => request.RequestUri switch
    {
        null => null,
        { IsAbsoluteUri: true } uri => uri.AbsolutePath,
        var uri => "/" + uri.OriginalString.Split('?')[0],
    };

    /// <summary>Disposes the HTTP client if this client created it.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the HTTP client if this client created it.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing && _ownsHttpClient) HttpClient.Dispose();
    }
}
