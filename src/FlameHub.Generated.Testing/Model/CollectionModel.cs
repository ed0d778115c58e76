namespace FlameHub.Testing.Model;

/// <summary>How one operation of a collection answers: its success status and whether the record comes as <c>{data, meta}</c>.</summary>
internal sealed record OperationModel(int Status, bool Enveloped);

/// <summary>
/// A collection a service declares (<c>x-flamehub-resource</c>), with the operations the document
/// gives it (<c>x-flamehub-kind</c>): list, create, get, update, delete, and the upload and
/// download transfers (<c>x-flamehub-transfer</c>) on <c>/{resource}/{id}/{action}</c>.
/// </summary>
internal sealed class CollectionModel(string service, string resource, SchemaModel entity)
{
    public string Service { get; } = service;

    public string Resource { get; } = resource;

    public SchemaModel Entity { get; } = entity;

    public OperationModel? List { get; set; }

    public OperationModel? Create { get; set; }

    public SchemaModel? CreateBody { get; set; }

    public OperationModel? Get { get; set; }

    /// <summary>Another field a single read also finds the entity by (<c>x-flamehub-lookup-by</c>).</summary>
    public string? LookupBy { get; set; }

    public OperationModel? Update { get; set; }

    public OperationModel? Delete { get; set; }

    /// <summary>The upload action's path segment, the schema of what it creates and its answer.</summary>
    public (string Action, string ItemSchema, OperationModel Answer)? Upload { get; set; }

    /// <summary>The download action's path segment and the content type it answers with.</summary>
    public (string Action, string ContentType)? Download { get; set; }

    public IReadOnlyList<string> Includes { get; set; } = [];
}
