using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace FlameHub;

/// <summary>
/// Binds a configuration section onto <see cref="FlameHubOptions"/>. What cannot be bound (an
/// unknown key, a value that does not convert, an incomplete credential) is recorded on the
/// options, for the validator to report at start with the setting's name.
/// </summary>
internal static class FlameHubConfiguration
{
    /// <summary>Applies the settings <paramref name="configuration"/> has; the others keep their values.</summary>
    /// <param name="configuration">The section, for example <c>configuration.GetSection("FlameHub")</c>.</param>
    /// <param name="options">The options to set.</param>
    /// <param name="loggers">Where a configured token credential logs, unless the options name a logger factory.</param>
    public static void Apply(IConfiguration configuration, FlameHubOptions options, ILoggerFactory? loggers)
    {
        options.ConfigurationPath = (configuration as IConfigurationSection)?.Path ?? "";
        var problems = options.ConfigurationProblems;
        if (configuration is IConfigurationSection { Path: var path } section && !section.Exists())
        {
            // A misspelt section name would otherwise leave every default in force: the public Hub, no credential.
            problems.Add(new("", $"The configuration section '{path}' is missing or empty."));
            return;
        }
        UnknownKeys(configuration, FlameHubSettings.Keys, "", problems);
        FlameHubSettings settings;
        try
        {
            settings = configuration.Get<FlameHubSettings>() ?? new FlameHubSettings();
        }
        catch (InvalidOperationException error)
        {
            // The binder's message names the key and the type it could not convert to.
            problems.Add(new("", error.Message));
            return;
        }

        ApplyUrls(settings, options, problems);
        if (settings.Timeout is { } timeout) options.Timeout = timeout;
        if (settings.AttemptTimeout is { } attemptTimeout) options.AttemptTimeout = attemptTimeout;
        if (settings.MaxResponseBytes is { } maxResponseBytes) options.MaxResponseBytes = maxResponseBytes;
        if (settings.Retry is { } retry)
        {
            options.Retry ??= new HubRetryOptions();
            if (retry.MaxRetries is { } maxRetries) options.Retry.MaxRetries = maxRetries;
            if (retry.BaseDelay is { } baseDelay) options.Retry.BaseDelay = baseDelay;
            if (retry.MaxDelay is { } maxDelay) options.Retry.MaxDelay = maxDelay;
            if (retry.RetryPost is { } retryPost) options.Retry.RetryPost = retryPost;
        }
        if (settings.ReleaseCheck is { } releaseCheck) options.ReleaseCheck = releaseCheck;
        if (settings.CorrelationId is { } correlationId)
        {
            if (CorrelationId.Problem(correlationId) is { } problem) problems.Add(new(nameof(FlameHubSettings.CorrelationId), problem));
            else options.CorrelationId = correlationId;
        }
        var authUrl = HubUrl.Problem(options.AuthUrl) is null ? options.AuthUrl : null;
        if (FlameHubCredentialSettings.TryRead(configuration.GetSection(FlameHubCredentialSettings.Section), authUrl,
                options.LoggerFactory ?? loggers, problems, out var credential))
        {
            options.Credential = credential;
        }
    }

    private static void ApplyUrls(FlameHubSettings settings, FlameHubOptions options, List<OptionProblem> problems)
    {
        if (settings.Gateway is { } gateway)
        {
            var alsoSet = new[] { (nameof(settings.AuthUrl), settings.AuthUrl), (nameof(settings.CoreUrl), settings.CoreUrl), (nameof(settings.StorageUrl), settings.StorageUrl) }
                .Where(u => u.Item2 is not null).Select(u => u.Item1).ToList();
            if (alsoSet.Count > 0)
            {
                problems.Add(new(nameof(settings.Gateway), $"is set together with {string.Join(" and ", alsoSet)}: set either Gateway or AuthUrl, CoreUrl and StorageUrl"));
            }
            else if (HubUrl.Problem(gateway) is { } problem) problems.Add(new(nameof(settings.Gateway), problem));
            else options.UseGateway(gateway);
            return;
        }
        if (settings.AuthUrl is { } auth) options.AuthUrl = auth;
        if (settings.CoreUrl is { } core) options.CoreUrl = core;
        if (settings.StorageUrl is { } storage) options.StorageUrl = storage;
    }

    /// <summary>Every key of <paramref name="section"/> that is no setting: a typo would otherwise leave a default in force unnoticed.</summary>
    private static void UnknownKeys(IConfiguration section, IReadOnlyDictionary<string, IReadOnlyList<string>?> known, string parent, List<OptionProblem> problems)
    {
        foreach (var child in section.GetChildren())
        {
            var setting = parent + child.Key;
            if (!known.TryGetValue(child.Key, out var subkeys))
            {
                problems.Add(new(setting, $"is not a setting (the settings here are {string.Join(", ", known.Keys)})"));
            }
            else if (subkeys is not null)
            {
                UnknownKeys(child, subkeys.ToDictionary(k => k, _ => (IReadOnlyList<string>?)null, StringComparer.OrdinalIgnoreCase), setting + ":", problems);
            }
        }
    }
}
