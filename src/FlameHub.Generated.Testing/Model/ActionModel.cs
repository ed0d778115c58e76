namespace FlameHub.Testing.Model;

/// <summary>
/// An operation a document declares on one entity beyond CRUD and transfers (<c>x-flamehub-kind: action</c>
/// on <c>/{resource}/{id}/{segment}</c>), such as a command: its request body schema and its answer.
/// Read with the rest of its service by <see cref="ServiceModel"/>.
/// </summary>
internal sealed record ActionModel(string Service, string Resource, string Segment, string Method, SchemaModel? Body, OperationModel Answer);
