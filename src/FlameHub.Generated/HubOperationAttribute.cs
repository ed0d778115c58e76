namespace FlameHub;

/// <summary>Marks a generated client method with the Hub operation it calls.</summary>
/// <param name="method">The HTTP method, upper case.</param>
/// <param name="path">The path template relative to the service root, for example <c>nodes/{id}</c>.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
internal sealed class HubOperationAttribute(string method, string path) : Attribute
{
    /// <summary>The HTTP method, upper case.</summary>
    public string Method { get; } = method;

    /// <summary>The path template relative to the service root.</summary>
    public string Path { get; } = path;
}
