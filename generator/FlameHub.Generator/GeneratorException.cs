namespace FlameHub.Generator;

/// <summary>A failure the user can act on; the command line prints its message as one line.</summary>
public sealed class GeneratorException(string message) : Exception(message);
