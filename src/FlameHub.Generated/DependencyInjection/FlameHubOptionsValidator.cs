using Microsoft.Extensions.Options;

namespace FlameHub;

/// <summary>
/// Validates <see cref="FlameHubOptions"/> with the options' own messages, each naming its setting:
/// <c>FlameHub:Timeout must be positive or infinite (was -00:00:01)</c> for a configuration
/// section named <c>FlameHub</c>, <c>FlameHubOptions.Timeout …</c> for options set in code.
/// </summary>
internal sealed class FlameHubOptionsValidator : IValidateOptions<FlameHubOptions>
{
    public ValidateOptionsResult Validate(string? name, FlameHubOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (prefix, separator) = options.ConfigurationPath switch
        {
            null => ("FlameHubOptions.", '.'),
            "" => ("", ':'),
            var path => (path + ":", ':'),
        };
        var failures = options.AllProblems().Select(p => p.Describe(prefix, separator)).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
