namespace FlameHub.Generator.Tests.Build;

/// <summary>What the API check tests read from a build's output and from a listing before and after an update.</summary>
internal static class ApiCheckOutput
{
    /// <summary>The lines <paramref name="after"/> has and <paramref name="before"/> has not.</summary>
    public static string[] Added(string before, string after) =>
        after.Split('\n').Except(before.Split('\n'), StringComparer.Ordinal).ToArray();

    /// <summary>"RS0016 &lt;listing line&gt; &lt;framework&gt;" for each error line the build printed.</summary>
    public static string[] Errors(string output) =>
        output.Split('\n')
            .Where(l => l.Contains(": error ", StringComparison.Ordinal))
            .Select(l =>
            {
                var code = l[(l.IndexOf(": error ", StringComparison.Ordinal) + 8)..].Split(':')[0];
                var symbol = l.Split('\'') is [_, var name, ..] ? name : l;
                var framework = l.Contains("TargetFramework=net8.0", StringComparison.Ordinal) ? "net8.0" : "net10.0";
                return $"{code} {symbol} {framework}";
            })
            .Distinct()
            .ToArray();
}
