namespace FlameHub.Generator.Report;

/// <summary>
/// One service's API as the bump report compares it, the same whichever document generator or
/// OpenAPI version described it: operations by method and path template (parameter names
/// normalized away), resources by their path, each with the fields of the entity its operations
/// answer (reached through envelopes), and the security schemes. Schema names and operation
/// ids are not part of it.
/// </summary>
public sealed record ApiModel(
    string Service,
    string? Version,
    IReadOnlyDictionary<string, ApiOperation> Operations,
    IReadOnlyDictionary<string, ApiResource> Resources,
    IReadOnlyList<ApiSecurity> Security);

/// <summary>
/// <see cref="Key"/> is <c>GET /nodes/{}</c>; <see cref="Path"/> keeps the document's parameter names.
/// <see cref="MountedCopyOf"/> is the key of the operation a realm-mounted path (<c>/realms/{realmId}/users</c>) repeats.
/// </summary>
public sealed record ApiOperation(
    string Method,
    string Path,
    string Key,
    string Resource,
    string? MountedCopyOf,
    IReadOnlyList<ApiParameter> Parameters,
    ApiBody? Body,
    ApiAnswer Answer)
{
    public string Display => $"{Method} {Path}";
}

/// <summary>A path, query or header parameter; path parameters are compared by position, not name.</summary>
public sealed record ApiParameter(string In, string Name, string Type, bool Required);

/// <summary>A request body by its media kind: <c>json</c>, <c>form</c>, <c>multipart</c>, <c>binary</c>.</summary>
public sealed record ApiBody(string Kind);

/// <summary>
/// What an operation answers on success: its 2xx status codes and the shape of the body. A list
/// is a list whether the document declares the bare array or the <c>{data, meta}</c> envelope the
/// Hub sends (every release does); <see cref="DeclaredEnvelope"/> says which the document did.
/// </summary>
public sealed record ApiAnswer(IReadOnlyList<string> Statuses, AnswerShape Shape, bool DeclaredEnvelope = false);

/// <summary>The shape of a success answer, as a caller reads it off the wire.</summary>
public enum AnswerShape
{
    None,
    Record,
    EnvelopedRecord,
    List,
    Array,
    EnvelopedArray,
    Binary,
    Value,
    Object,
}

/// <summary>A resource (<c>nodes</c>, <c>/</c> for the root) and the fields of its entity; null fields when no operation answers one.</summary>
public sealed record ApiResource(string Name, IReadOnlyList<ApiField>? Fields, IReadOnlyList<string> OperationKeys);

/// <summary>A field as a caller sees it: type in words, nullable, required, deprecated, enum values.</summary>
public sealed record ApiField(string Name, string Type, bool Nullable, bool Required, bool Deprecated, IReadOnlyList<string> Enum)
{
    /// <summary>What two fields must share to be taken for one renamed: everything but the name.</summary>
    public string Shape => $"{Type}{(Nullable ? "?" : "")}{(Enum.Count > 0 ? "[" + string.Join(",", Enum.Order(StringComparer.Ordinal)) + "]" : "")}";

    public string Describe() => $"`{Type}`{(Nullable ? ", nullable" : "")}";
}

/// <summary>A security scheme by what it asks of the caller: <c>HTTP Basic</c>, <c>OAuth2 grant password</c>; <see cref="Detail"/> its particulars.</summary>
public sealed record ApiSecurity(string Kind, string Detail);
