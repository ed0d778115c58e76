using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlameHub;

/// <summary>
/// The release check of one service for the clients that share it: one check at a time however
/// many first calls wait for it, run apart from each (no caller's cancellation, span or scope is
/// its own), its result kept. Once the release passes, <see cref="IsOpen"/> is a field read: no
/// per-call cost after it. A Strict mismatch refuses every call from then on; a check that failed
/// in Strict is tried again by the next call.
/// </summary>
internal sealed class ReleaseGuard
{
    private static readonly Action<ILogger, string, string, Exception?> PatchLog =
        LoggerMessage.Define<string, string>(LogLevel.Information, new EventId(10, "HubReleasePatch"), "Release check of {Service}: {Reason}");

    private static readonly Action<ILogger, string, string, Exception?> MismatchLog =
        LoggerMessage.Define<string, string>(LogLevel.Warning, new EventId(11, "HubReleaseMismatch"), "Release check of {Service}: {Reason} ReleaseCheck is Warn: calls go on.");

    private static readonly Action<ILogger, string, string, Exception?> FailedLog =
        LoggerMessage.Define<string, string>(LogLevel.Warning, new EventId(12, "HubReleaseCheckFailed"), "Release check of {Service}: {Reason} ReleaseCheck is Warn: calls go on.");

    private readonly object _gate = new();
    private readonly HubReleaseCheck _mode;
    private readonly ILogger _logger;
    private volatile bool _open;
    private ReleaseVerdict? _refusal;
    private Task<ReleaseVerdict>? _check;

    public ReleaseGuard(HubReleaseCheck mode, ILogger? logger)
    {
        _mode = mode;
        _logger = logger ?? NullLogger.Instance;
        _open = mode == HubReleaseCheck.Off;
    }

    /// <summary>Whether calls go straight on: the release passed, or the mode lets them.</summary>
    public bool IsOpen => _open;

    /// <summary>Waits for the release check (starting it when none runs) and throws when the call may not go on.</summary>
    /// <param name="check">Reads and judges the release; never throws (a failure is a <see cref="ReleaseOutcome.Failed"/> verdict).</param>
    /// <param name="cancellationToken">Stops this caller's wait; the check goes on for the others.</param>
    public Task EnsureAsync(Func<Task<ReleaseVerdict>> check, CancellationToken cancellationToken) =>
        _open ? Task.CompletedTask : WaitAsync(check, cancellationToken);

    private async Task WaitAsync(Func<Task<ReleaseVerdict>> check, CancellationToken cancellationToken)
    {
        Task<ReleaseVerdict> running;
        lock (_gate)
        {
            if (_open) return;
            _refusal?.Throw();
            if (_check is null || _check.IsCompleted) _check = Start(check);
            running = _check;
        }
        var verdict = await running.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (!verdict.Passes(_mode)) verdict.Throw();
    }

    private Task<ReleaseVerdict> Start(Func<Task<ReleaseVerdict>> check)
    {
        if (ExecutionContext.IsFlowSuppressed()) return Run();
        using (ExecutionContext.SuppressFlow()) return Run();

        Task<ReleaseVerdict> Run() => Task.Run(async () => Settle(await check().ConfigureAwait(false)));
    }

    private ReleaseVerdict Settle(ReleaseVerdict verdict)
    {
        lock (_gate)
        {
            switch (verdict.Outcome)
            {
                case ReleaseOutcome.Same or ReleaseOutcome.NoVersion:
                    _open = true;
                    break;
                case ReleaseOutcome.Patch:
                    PatchLog(_logger, verdict.Subject.Service, verdict.PatchText(), null);
                    _open = true;
                    break;
                case ReleaseOutcome.Mismatch when _mode == HubReleaseCheck.Strict:
                    _refusal = verdict;
                    break;
                case ReleaseOutcome.Mismatch:
                    MismatchLog(_logger, verdict.Subject.Service, verdict.MismatchText(), null);
                    _open = true;
                    break;
                case ReleaseOutcome.Failed when _mode != HubReleaseCheck.Strict:
                    FailedLog(_logger, verdict.Subject.Service, verdict.FailureText(), null);
                    _open = true;
                    break;
            }
        }
        return verdict;
    }
}
