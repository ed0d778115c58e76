namespace FlameHub.Generator;

/// <summary><c>command --name value --name value …</c>; a name may repeat.</summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    public static (string Command, CommandLine Options) Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0) throw new GeneratorException("usage: FlameHub.Generator <import|normalize|public-api> --name value ...");
        var options = new CommandLine();
        for (var i = 1; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new GeneratorException($"expected '--name value' at '{args[i]}'.");
            }
            var name = args[i][2..];
            if (!options._values.TryGetValue(name, out var list)) options._values[name] = list = [];
            list.Add(args[++i]);
        }
        return (args[0], options);
    }

    public IReadOnlyList<string> All(string name) => _values.TryGetValue(name, out var list) ? list : [];

    public string? Optional(string name) => All(name) switch { [] => null, [var one] => one, _ => throw new GeneratorException($"--{name} is given more than once.") };

    public string Single(string name) => Optional(name) ?? throw new GeneratorException($"--{name} is required.");
}
