using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FlameHub.Generated.Tests.Transport;

/// <summary>One log event as a provider saw it: the formatted message, the exception text, and the structured values.</summary>
internal sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, string? Exception, IReadOnlyDictionary<string, object?> Values)
{
    /// <summary>Whether it is the wire log of a release check's <c>GET /</c> (no operation's path ends with a slash).</summary>
    public bool IsReleaseCheck => Category == "FlameHub.Http" && Values.TryGetValue("Path", out var path) && path is string text && text.EndsWith('/');

    public string AllText => $"{Category} {Level} {EventId} {Message} {Exception} {string.Join(" ", Values.Select(v => $"{v.Key}={v.Value}"))}";
}

/// <summary>A logger provider that keeps every event at every level, for assertions.</summary>
internal sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => _entries.ToList();

    /// <summary>A factory that sends everything from Trace up to this capture.</summary>
    public ILoggerFactory Factory() => LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(this));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = new Dictionary<string, object?>();
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var (key, value) in pairs) values[key] = value;
            }
            entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), exception?.ToString(), values));
        }
    }
}
