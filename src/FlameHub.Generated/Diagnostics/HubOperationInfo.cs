namespace FlameHub;

/// <summary>
/// Which client operation a call is, as the generated method passes it: its name
/// (<c>CoreClient.GetNode</c>: client class and method without <c>Async</c>) for the span and the
/// metrics, and its path template relative to the service root (<c>nodes/{id}</c>) for <c>url.template</c>.
/// </summary>
/// <param name="Name">The operation's name.</param>
/// <param name="Template">The path template relative to the service root.</param>
internal readonly record struct HubOperationInfo(string Name, string Template);
