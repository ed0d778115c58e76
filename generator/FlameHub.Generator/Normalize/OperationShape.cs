namespace FlameHub.Generator.Normalize;

/// <summary>What an operation does, read from its method and path by the Hub's REST conventions.</summary>
public enum OperationKind
{
    /// <summary><c>GET /</c>: the service status.</summary>
    Root,
    /// <summary><c>GET /nodes</c>.</summary>
    List,
    /// <summary><c>POST /nodes</c>.</summary>
    Create,
    /// <summary><c>GET /nodes/{id}</c>.</summary>
    Get,
    /// <summary><c>POST /nodes/{id}</c>: the Hub updates with POST, not PUT or PATCH.</summary>
    Update,
    /// <summary><c>PUT /realms/{id}</c>: Authup's create-or-replace.</summary>
    Replace,
    /// <summary><c>DELETE /nodes/{id}</c>.</summary>
    Delete,
    /// <summary>Anything else: commands, sub-resources, streams, uploads.</summary>
    Action,
}

/// <summary>
/// The parts of a path: the collection it starts with (<c>nodes</c>), whether an item id
/// follows, and the segments after that (<c>command</c>, <c>stream</c>).
/// </summary>
public sealed record OperationShape(string Method, OperationKind Kind, string? Collection, bool HasItemId, IReadOnlyList<string> Rest)
{
    public static bool IsParameter(string segment) => segment.StartsWith('{') && segment.EndsWith('}');

    public static OperationShape Of(string method, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0) return new(method, OperationKind.Root, null, false, []);

        var collection = segments[0];
        var hasId = segments.Length > 1 && IsParameter(segments[1]);
        var rest = segments.Skip(hasId ? 2 : 1).ToList();
        // A leading dot marks a well-known location (/.well-known/...), not a resource collection.
        var isResource = !IsParameter(collection) && !collection.StartsWith('.');

        var kind = (isResource, hasId, rest.Count, method) switch
        {
            (true, false, 0, "get") => OperationKind.List,
            (true, false, 0, "post") => OperationKind.Create,
            (true, true, 0, "get") => OperationKind.Get,
            (true, true, 0, "post") => OperationKind.Update,
            (true, true, 0, "put") => OperationKind.Replace,
            (true, true, 0, "delete") => OperationKind.Delete,
            _ => OperationKind.Action,
        };
        return new(method, kind, collection, hasId, rest);
    }
}
