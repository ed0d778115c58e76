namespace FlameHub.Generated.Tests.Contract;

/// <summary>
/// Hub 0.14.0's coverage ledger (checked by <see cref="ExchangeCoverageTests"/>): the 99 exchanges
/// recorded against Hub 0.14.0 with Authup 1.0.0-beta.62 (reference hub-0.14.0/exchanges, INDEX.md),
/// those no contract test replays, and the replays that deviate from the recording. Known gaps are
/// the tests marked <c>[Ignore("Known gap: ...")]</c>.
/// </summary>
/// <remarks>
/// For every list, the items and <c>meta</c>'s total, limit and offset are checked; <c>meta.schema</c>
/// (the Hub's description of the resource's allowed fields, filters and relations) and the
/// <c>meta</c> of single records are not bound by the package, which has no use for them.
/// </remarks>
internal static class ExchangeLedger
{
    /// <summary>The recording's exchanges are numbered 1 to 99.</summary>
    public const int Recorded = 99;

    /// <summary>The exchanges no contract test replays, each with the reason.</summary>
    public static readonly Dictionary<int, string> Uncovered = new()
    {
        [36] = "GET /users/@me: no client method; the auth document declares no /users/@me path, and GetUserAsync takes a Guid",
    };

    /// <summary>Covered, but with a stated deviation from the recorded request or answer.</summary>
    public static readonly Dictionary<int, string> Deviations = new()
    {
        [1] = "the answer's scope, token_type and refresh_token_expires_in are not read: the credential needs only the token, its lifetime and the refresh token",
        [4] = "page[offset]=0 sent beyond the recorded page[limit]",
        [7] = "the answer (the deleted record) is not read: DeleteClientAsync returns no entity",
        [11] = "page[offset]=0 sent beyond the recorded page[limit]",
        [14] = "request body with a well-formed realmId instead of the recorded \"not-a-uuid\", which the typed RealmId cannot carry",
        [16] = "sent with HubRetryOptions.MaxRetries = 0: by default the client retries the 500 three times",
        [21] = "page[offset]=0 sent beyond the recorded page[limit]",
        [28] = "the answer (the deleted record) is not read: DeleteBucketFileAsync returns no entity",
        [30] = "the answer (the deleted record) is not read: DeleteNodeAsync returns no entity",
        [33] = "the answer's scope, token_type and refresh_token_expires_in are not read: the credential needs only the token, its lifetime and the refresh token",
        [34] = "exchange 33's answer is stubbed first, since its refresh token is the one exchange 34 sent; the answer's scope, token_type and refresh_token_expires_in are not read: the credential needs only the token, its lifetime and the refresh token",
        [37] = "not sent: the 0.14.0 package has no robot credential; the test proves that, against the recorded refusal",
        [38] = "not sent: the 0.14.0 package has no robot operation; the test proves that no auth operation calls the recorded path",
        [40] = "the answer's scope and token_type are not read: the credential needs only the token and its lifetime",
        [51] = "page[offset]=0 sent beyond the recorded page[limit]",
        [52] = "page[offset]=0 sent beyond the recorded page[limit]",
        [53] = "page[offset]=0 sent beyond the recorded page[limit]",
        [54] = "page[offset]=0 sent beyond the recorded page[limit]",
        [55] = "page[offset]=0 sent beyond the recorded page[limit]",
        [56] = "page[offset]=0 sent beyond the recorded page[limit]",
        [63] = "page[offset]=0 sent beyond the recorded page[limit]",
        [64] = "page[offset]=0 sent beyond the recorded page[limit]",
        [65] = "page[offset]=0 sent beyond the recorded page[limit]",
        [69] = "page[offset]=0 sent beyond the recorded page[limit]; the Basic header comes from a credential of the test (the 0.14.0 package has none) and is sent with MaxRetries = 0 (by default the 500 is retried)",
        [72] = "page[offset]=0 sent beyond the recorded page[limit]",
        [76] = "the answer (the deleted record) is not read: DeleteRegistryAsync returns no entity",
        [87] = "page[offset]=0 sent beyond the recorded page[limit]",
        [91] = "the answer (the deleted record) is not read: DeleteBucketAsync returns no entity",
        [92] = "the answer (the deleted record) is not read: DeleteBucketAsync returns no entity",
        [93] = "the answer (the deleted record) is not read: DeleteAnalysisAsync returns no entity",
        [94] = "the answer (the deleted record) is not read: DeleteProjectAsync returns no entity",
        [95] = "the answer (the deleted record) is not read: DeleteNodeAsync returns no entity",
        [96] = "the answer (the deleted record) is not read: DeleteNodeAsync returns no entity",
        [97] = "the answer (the deleted record) is not read: DeleteUserAsync returns no entity",
        [98] = "the answer (the deleted record) is not read: DeleteRealmAsync returns no entity",
        [99] = "the answer (the deleted record) is not read: DeleteClientAsync returns no entity",
    };
}
