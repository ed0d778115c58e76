namespace FlameHub;

/// <summary>What a release check found.</summary>
internal enum ReleaseOutcome
{
    /// <summary>The release the package was generated for.</summary>
    Same,

    /// <summary>Another patch of the line the package speaks: passes, logged once.</summary>
    Patch,

    /// <summary>The service's status carries no version (storage 0.8.13): passes.</summary>
    NoVersion,

    /// <summary>A release the package does not speak.</summary>
    Mismatch,

    /// <summary>The release could not be read: <c>GET /</c> failed, timed out, or answered no status document.</summary>
    Failed,
}

/// <summary>The service a check is about and what the package expects of it.</summary>
/// <param name="Service">The service, for example <c>core</c>.</param>
/// <param name="Where">The service's URL, without user information or query.</param>
/// <param name="Product">The product whose release the service reports: <c>Hub</c> or <c>Authup</c>.</param>
/// <param name="Expected">The product's release the package was generated for.</param>
/// <param name="Own">The package's release.</param>
/// <param name="Known">The product's lines the repository's packages speak, for example <c>0.8.x, 0.14.x</c>.</param>
internal sealed record ReleaseSubject(string Service, string Where, string Product, string Expected, ReleaseLine Own, string Known);

/// <summary>One check's result, and the exception or log text it makes.</summary>
/// <param name="Outcome">What was found.</param>
/// <param name="Subject">The service and what the package expects of it.</param>
/// <param name="Reported">The reported release (safe to print), when there was one.</param>
/// <param name="Speaker">The package version that speaks the reported release, when the package knows one.</param>
/// <param name="Failure">Why the release could not be read (<see cref="ReleaseOutcome.Failed"/>).</param>
internal sealed record ReleaseVerdict(ReleaseOutcome Outcome, ReleaseSubject Subject, string? Reported, string? Speaker, Exception? Failure)
{
    /// <summary>Whether calls may go on under <paramref name="mode"/>.</summary>
    public bool Passes(HubReleaseCheck mode) => mode != HubReleaseCheck.Strict || Outcome is ReleaseOutcome.Same or ReleaseOutcome.Patch or ReleaseOutcome.NoVersion;

    /// <summary>
    /// Throws what a refused call throws. A mismatch and an answer that is no status document throw
    /// an exception of their own, new per call; a service that failed (a transport error, a timeout,
    /// a 5xx, 408 or 429 after the retries) throws that failure itself, as the call would have.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public void Throw()
    {
        if (Outcome == ReleaseOutcome.Failed && IsServiceFailure(Failure)) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(Failure);
        throw Outcome == ReleaseOutcome.Mismatch
            ? new HubReleaseMismatchException(MismatchText() + " Nothing was sent (HubClientOptions.ReleaseCheck: Strict, Warn or Off).",
                Subject.Service, Reported!, Subject.Expected, Speaker)
            : new HubReleaseCheckException(FailureText() + " Nothing was sent, and the next call checks again (HubClientOptions.ReleaseCheck = Warn or Off goes on without it).",
                Subject.Service, Failure);
    }

    /// <summary>Whether <paramref name="failure"/> says the service failed, rather than answered something that is no status.</summary>
    public static bool IsServiceFailure([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] Exception? failure) => failure switch
    {
        HubResponseTooLargeException => false,
        HubApiException api => api.StatusCode is >= 500 or 408 or 429,
        HttpRequestException or OperationCanceledException => true,
        _ => false,
    };

    /// <summary>
    /// For example: <c>core at http://hub/core/ reports Hub 0.14.0; this package (FlameHub.Generated
    /// 0.8.13-hub.1) speaks Hub 0.8.x; use FlameHub.Generated 0.14.0-hub.*.</c>
    /// </summary>
    public string MismatchText()
    {
        var own = ReleaseVersion.TryParse(Subject.Expected, out var version) ? version.Line : Subject.Expected;
        var advice = Speaker is not null
            ? $"use FlameHub.Generated {Speaker}."
            : $"no FlameHub.Generated release this one knows of speaks it (they speak {Subject.Product} {Subject.Known}): see the README's \"Which package for which Hub\".";
        return $"{Subject.Service} at {Subject.Where} reports {Subject.Product} {Reported}; this package (FlameHub.Generated {Subject.Own.Package}) speaks {Subject.Product} {own}; {advice}";
    }

    /// <summary>For example: <c>The release check of core at http://hub/core/ could not read its release: GET /core/ answered 404.</c></summary>
    public string FailureText() =>
        $"The release check of {Subject.Service} at {Subject.Where} could not read its {Subject.Product} release: {ReleaseText.Describe(Failure)}.";

    /// <summary>For the patch log: <c>core at http://hub/core/ reports Hub 0.8.14; this package was generated for 0.8.13.</c></summary>
    public string PatchText() =>
        $"{Subject.Service} at {Subject.Where} reports {Subject.Product} {Reported}; this package (FlameHub.Generated {Subject.Own.Package}) was generated for {Subject.Expected}, the same line.";
}
