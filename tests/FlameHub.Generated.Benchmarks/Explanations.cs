namespace FlameHub.Generated.Benchmarks;

/// <summary>What the report says beside a scenario's numbers: notes on the method, and why a goal is missed when it is.</summary>
public static class Explanations
{
    public static string? For(string scenario) => scenario switch
    {
        _ => null,
    };

    public static string? Miss(string scenario) => scenario switch
    {
        _ => "Not yet explained.",
    };
}
