using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FlameHub.Testing.Model;

namespace FlameHub.Testing.Serving;

/// <summary>
/// The fake's HTTP side: finds the service by base URL, answers injected faults, the status
/// document and the token grant, refuses requests without valid credentials as the release does (AuthCheck),
/// then routes <c>/{resource}</c>, <c>/{resource}/{id}</c> and <c>/{resource}/{id}/{transfer or action}</c> to the
/// generic endpoints of whatever collection the service's document declares.
/// </summary>
internal sealed class FakeHubHandler : HttpMessageHandler
{
    private readonly (Uri BaseUrl, ServiceModel Service)[] _services;
    private readonly HubState _state;
    private readonly FakeQuirks _quirks;
    private readonly FakeHubFaults _faults;
    private readonly FilterGrammar _grammar;
    private readonly CollectionEndpoints _collections;
    private readonly TransferEndpoints _transfers;
    private readonly ActionEndpoints _actions;

    public FakeHubHandler((Uri, ServiceModel)[] services, HubState state, FakeQuirks quirks, FilterGrammar grammar, FakeHubFaults faults)
    {
        _services = services;
        _state = state;
        _quirks = quirks;
        _grammar = grammar;
        _faults = faults;
        var all = services.SelectMany(s => s.Item2.Collections.Values).ToArray();
        CollectionModel? BySchema(string schema) => all.FirstOrDefault(c => c.Entity.Name == schema);
        ByResource = resource => all.FirstOrDefault(c => c.Resource == resource);
        CollectionModel? ByEntityKey(string key) => all.FirstOrDefault(c => PropertyModel.Normal(c.Entity.Name) == key);
        _collections = new CollectionEndpoints(state, quirks, BySchema, ByEntityKey);
        _transfers = new TransferEndpoints(state, quirks, BySchema);
        _actions = new ActionEndpoints(state, quirks, services.SelectMany(s => s.Item2.Actions), BySchema, ByResource);
        Tokens = new TokenEndpoint(state, quirks, ByResource);
        SeedEntities();
    }

    public TokenEndpoint Tokens { get; }

    public Func<string, CollectionModel?> ByResource { get; }

    /// <summary>The temporary folder of stored files past the memory limit; null while all are in memory.</summary>
    internal string? StorageFolder => _state.Files.Folder;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var response = await _faults.ServeAsync(request, ServiceOf(request), () => Serve(request, body), cancellationToken).ConfigureAwait(false);
        response.RequestMessage = request;
        return response;
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        request.Content?.ReadAsStream(cancellationToken).CopyTo(body);
        var response = _faults.Serve(request, ServiceOf(request), () => Serve(request, body.ToArray()), cancellationToken);
        response.RequestMessage = request;
        return response;
    }

    private HttpResponseMessage Serve(HttpRequestMessage request, byte[] body)
    {
        var url = request.RequestUri!;
        var (baseUrl, service) = Find(url);
        if (service is null) return NoSuchPath();
        var path = url.AbsolutePath[baseUrl.AbsolutePath.Length..].Trim('/');
        lock (_state.Gate)
        {
            if (path.Length == 0 && request.Method == HttpMethod.Get) return Answer.Json(200, StatusDocument(service));
            if (service.HasTokenEndpoint && path == service.TokenPath && request.Method == HttpMethod.Post)
                return Tokens.Grant(service.Name, Fields(request.Content?.Headers.ContentType?.MediaType, body));
            if (service.HasTokenEndpoint && _quirks.Auth.Introspection is { } introspection && path == introspection.Path)
                return new Introspection(_state, _quirks, Tokens, ByResource, baseUrl).Answer(introspection, request.Method == HttpMethod.Get
                    ? request.Headers.Authorization?.Parameter : Fields(request.Content?.Headers.ContentType?.MediaType, body).GetValueOrDefault(introspection.Field),
                    request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null);
            if (AuthCheck.Refusal(request, service, _quirks, _state, Tokens, ByResource) is { } refused) return refused;
            return Route(request, service, path.Split('/'), url.Query, body);
        }
    }

    private (Uri BaseUrl, ServiceModel Service) Find(Uri url) =>
        _services.FirstOrDefault(s => s.BaseUrl.IsBaseOf(url) && url.AbsolutePath.StartsWith(s.BaseUrl.AbsolutePath, StringComparison.Ordinal));

    private string? ServiceOf(HttpRequestMessage request) => request.RequestUri is { } url ? Find(url).Service?.Name : null;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            lock (_state.Gate) _state.Files.Dispose();
        }
        base.Dispose(disposing);
    }

    private HttpResponseMessage Route(HttpRequestMessage request, ServiceModel service, string[] segments, string query, byte[] body)
    {
        var unknown = _quirks.UnknownPath(service.Name) is { } error
            ? Answer.Error(error)
            : NoSuchPath();
        if (!service.Collections.TryGetValue(segments[0], out var collection)) return unknown;
        var method = request.Method.Method;
        switch (segments.Length, method)
        {
            case (1, "GET") when collection.List is { } list:
                return _collections.List(collection, list, ListQuery.Parse(query, _grammar));
            case (1, "POST") when collection.Create is { } create:
                return Json(body, out var created) ? _collections.Create(collection, create, created, Actor(request)) : Invalid(service);
            case (2, "GET") when collection.Get is { } get:
                return _collections.Get(collection, get, segments[1], ListQuery.Parse(query, _grammar));
            case (2, "POST" or "PATCH") when collection.Update is { } update:
                return Json(body, out var changes) ? _collections.Update(collection, update, segments[1], changes) : Invalid(service);
            case (2, "DELETE") when collection.Delete is { } delete:
                return _transfers.BeforeDelete(collection, segments[1]) ?? _collections.Delete(collection, delete, segments[1]);
            case (3, "POST") when collection.Upload is { } upload && upload.Action == segments[2]:
                var boundary = request.Content?.Headers.ContentType?.Parameters.FirstOrDefault(p => p.Name == "boundary")?.Value;
                return _transfers.Upload(collection, segments[1], body, boundary);
            case (3, "GET") when collection.Download is { } download && download.Action == segments[2]:
                return _transfers.Download(collection, segments[1]);
            case (3, _) when _actions.Find(collection, segments[2], method) is { } action:
                return Json(body, out var sent) ? _actions.Run(collection, action, segments[1], sent) : Invalid(service);
            default:
                return unknown;
        }
    }

    /// <summary>The service's status document (fake.json), <c>{now:unixMs}</c> and <c>{now:iso}</c> the fake's clock.</summary>
    private JsonObject StatusDocument(ServiceModel service)
    {
        var status = _quirks.Status(service.Name);
        foreach (var (name, value) in status.ToList())
        {
            status[name] = value is JsonValue text && text.TryGetValue<string>(out var s) ? s switch
            {
                "{now:unixMs}" => _state.Clock.GetUtcNow().ToUnixTimeMilliseconds(),
                "{now:iso}" => _state.Now(),
                _ => value.DeepClone(),
            } : value?.DeepClone();
        }
        return status;
    }

    /// <summary>The user the request's credential names: a token's user, or the Basic credentials' user.</summary>
    private JsonObject? Actor(HttpRequestMessage request)
    {
        if (request.Headers.Authorization is not { Parameter: { } value } header || ByResource(_quirks.UserResource) is not { } users) return null;
        if (string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
            return Tokens.UserOf(value) is { } id ? _state.Find(users, id) : null;
        var (name, _) = AuthCheck.DecodeBasic(value);
        return name is null ? null : _state.Of(users).FirstOrDefault(u => users.Entity.ByKey("name") is { } field && ListQuery.Text(u[field.Name]) == name);
    }

    /// <summary>The entities the release starts with (fake.json <c>seed.entities</c>), through the generic create's entity builder.</summary>
    private void SeedEntities()
    {
        foreach (var (resource, items) in _quirks.SeedEntities)
        {
            if (ByResource(resource) is not { } collection || items is not JsonArray list) continue;
            foreach (var item in list.OfType<JsonObject>()) _state.Of(collection).Add(_state.NewEntity(collection, item));
        }
    }

    // A path no service or collection serves, where the release's data gives no body of its own.
    private static HttpResponseMessage NoSuchPath() => Answer.Json(404, new JsonObject { ["statusCode"] = 404, ["message"] = "Not Found" });

    private HttpResponseMessage Invalid(ServiceModel service) => Answer.Error(_quirks.Error(service.Name, "validation"));

    private static bool Json(byte[] body, out JsonObject? value)
    {
        value = null;
        if (body.Length == 0) return true;
        try
        {
            value = JsonNode.Parse(body) as JsonObject;
            return value is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>A grant's fields, sent as JSON or as a form.</summary>
    private static Dictionary<string, string?> Fields(string? mediaType, byte[] body)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (mediaType == "application/x-www-form-urlencoded")
        {
            foreach (var pair in Encoding.UTF8.GetString(body).Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var at = pair.IndexOf('=');
                string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
                fields[Decode(at < 0 ? pair : pair[..at])] = at < 0 ? "" : Decode(pair[(at + 1)..]);
            }
        }
        else if (Json(body, out var json) && json is not null)
        {
            foreach (var (key, value) in json) fields[key] = ListQuery.Text(value);
        }
        return fields;
    }
}
