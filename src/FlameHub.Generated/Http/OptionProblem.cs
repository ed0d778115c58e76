namespace FlameHub;

/// <summary>
/// One invalid setting: its path below the options (segments joined by <c>:</c>, as configuration
/// keys are) and what is wrong with it. A problem never carries a secret value.
/// </summary>
/// <param name="Setting">The setting's path, for example <c>Retry:MaxRetries</c>; empty when <paramref name="Problem"/> names it itself.</param>
/// <param name="Problem">What is wrong, for example <c>must not be negative (was -1)</c>.</param>
internal readonly record struct OptionProblem(string Setting, string Problem)
{
    /// <summary>The same problem one level down, under <paramref name="parent"/>.</summary>
    public OptionProblem Under(string parent) => this with { Setting = parent + ":" + Setting };

    /// <summary>The message: the setting's full name, then the problem.</summary>
    /// <param name="prefix">What comes before the setting: <c>FlameHub:</c> for a configuration section, <c>FlameHubOptions.</c> for code.</param>
    /// <param name="separator">Between the setting's segments: <c>:</c> in configuration, <c>.</c> in code.</param>
    public string Describe(string prefix, char separator) =>
        Setting.Length == 0 ? Problem : prefix + Setting.Replace(':', separator) + " " + Problem;

    /// <summary>The exception a constructor throws for it, named after the setting's last segment.</summary>
    public ArgumentOutOfRangeException ToException() =>
        new(Setting[(Setting.LastIndexOf(':') + 1)..], Describe("", '.') + ".");
}
