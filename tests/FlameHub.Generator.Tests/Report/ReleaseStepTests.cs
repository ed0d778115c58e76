using FlameHub.Generator.Report;
using static FlameHub.Generator.Tests.Report.ReleaseDocuments;

namespace FlameHub.Generator.Tests.Report;

/// <summary>
/// The bump report over the real steps from Hub 0.8.13 to 0.14.0: 0.8.13 (Swagger 2.0) → 0.10.2 →
/// 0.13.0 → 0.14.0 (OpenAPI 3.1, trapi-1 schema names). What each step must show is in the
/// reference's "wire style by release": 0.10.2 still has snake_case, bare single records and
/// robots; 0.13.0 has camelCase, enveloped single records and no robots; 0.14.0 differs little.
/// </summary>
public class ReleaseStepTests
{
    private const string RecordsEnveloped = "Answer a record → a record in `{data, meta}`; the package unwraps `data`, code reading the answer is unchanged";

    [Test]
    public void From_0_8_13_to_0_10_2_lists_read_as_before_and_names_records_and_robots_unchanged()
    {
        var diffs = Diff("0.8.13", "0.10.2");

        Assert.That(Lines(diffs["core"]), Does.Contain(
            "- Lists: the document now declares the `{data, meta}` envelope the Hub already sent; the package reads lists as before: 14 operations, of "
            + "`analyses`, `analysis-bucket-files`, `analysis-buckets`, `analysis-logs`, `analysis-node-logs`, `analysis-nodes`, `analysis-permissions`, "
            + "`master-image-groups`, `master-images`, `nodes`, `project-nodes`, `projects` and 2 more"));
        var all = diffs.Values.SelectMany(d => d.Changes).ToList();
        Assert.That(all.Where(c => c.Kind == ChangeKind.WireStyleRenamed || c.Kind == ChangeKind.AnswerEnveloped && c.Subject.StartsWith("Answer a record", StringComparison.Ordinal)),
            Is.Empty, "0.10.2 still spells fields snake_case and answers single records bare");
        Assert.That(all.Where(c => c.Kind == ChangeKind.ResourceRemoved).Select(c => c.Subject), Does.Not.Contain("`robots`"));
        Assert.That(Lines(diffs["auth"]), Does.Contain("- `POST /users/activate`: moved to `/activate` — **breaking**: its method is named from the new path"));
        Assert.That(Lines(diffs["core"]), Does.Contain(
            "- `master-image-event-logs`: resource gone with its 3 operations (`DELETE /master-image-event-logs/{id}`, `GET /master-image-event-logs`, "
            + "`GET /master-image-event-logs/{id}`) — **breaking**: its methods disappear from the client"));
        Assert.That(Lines(diffs["core"]), Does.Contain("- `nodes`: new fields: `client_id` (`string`, nullable)"));
    }

    [Test]
    public void From_0_10_2_to_0_13_0_names_turn_camelCase_once_single_records_are_enveloped_and_robots_are_gone()
    {
        var diffs = Diff("0.10.2", "0.13.0");

        var auth = Lines(diffs["auth"]);
        Assert.That(auth, Does.Contain(
            "- `robots`: resource gone with its 6 operations (`DELETE /robots/{id}`, `GET /robots`, `GET /robots/{id}`, `POST /robots`, `POST /robots/{id}`, "
            + "`PUT /robots/{id}`) — **breaking**: its methods disappear from the client"));
        Assert.That(diffs["auth"].Changes.Where(c => c.Kind == ChangeKind.ResourceRemoved).Select(c => c.Subject),
            Is.EquivalentTo(new[] { "`robots`", "`robot-permissions`", "`robot-roles`" }));
        Assert.That(auth, Does.Contain("- `users`: fields gone: `client_id`, `client` — **breaking**: code using them no longer compiles"));

        var style = diffs["core"].Changes.Single(c => c.Kind == ChangeKind.WireStyleRenamed);
        Assert.That(ChangesMarkdown.Line(style), Is.EqualTo(
            "- Field names on the wire: snake_case → camelCase: 55 names, e.g. `account_id` → `accountId`, `account_name` → `accountName`, `account_secret` → `accountSecret`. "
            + "The .NET names stay the same (`account_id` and `accountId` are both `AccountId`); only filter, sort and field keys written as strings take the new spelling."));
        Assert.That(style.Breaking, Is.False);
        var authStyle = diffs["auth"].Changes.Single(c => c.Kind == ChangeKind.WireStyleRenamed);
        Assert.That(authStyle.Text, Does.EndWith(
            "Still snake_case: `access_token`, `expires_in`, `id_token`, `mac_algorithm`, `mac_key`, `refresh_token`, `refresh_token_expires_in`, `token_type`."),
            "the OAuth2 protocol fields keep their spelling");
        Assert.That(diffs["core"].Changes.Where(c => c.Kind is ChangeKind.FieldsRemoved or ChangeKind.FieldsAdded or ChangeKind.FieldRenamed).Select(c => c.Subject),
            Is.EquivalentTo(new[] { "`analyses`" }), "a style rename is no field gone plus one new: only analyses.clientId is new");

        Assert.That(Lines(diffs["core"]), Has.Some.StartsWith($"- {RecordsEnveloped}: 44 operations, of `analyses`, "));
        Assert.That(Lines(diffs["storage"]), Does.Contain($"- {RecordsEnveloped}: 6 operations, of `bucket-files`, `buckets`"));
        Assert.That(diffs["core"].Changes.Single(c => c.Kind == ChangeKind.AnswerEnveloped).Breaking, Is.False);
        Assert.That(Lines(diffs["core"]), Does.Contain(
            "- `analysis-permissions`: resource gone with its 4 operations (`DELETE /analysis-permissions/{id}`, `GET /analysis-permissions`, "
            + "`GET /analysis-permissions/{id}`, `POST /analysis-permissions`) — **breaking**: its methods disappear from the client"));
    }

    [Test]
    public void From_0_13_0_to_0_14_0_only_Authup_adds_a_little()
    {
        var diffs = Diff("0.13.0", "0.14.0");

        Assert.That(diffs["core"].Changes, Is.Empty);
        Assert.That(diffs["storage"].Changes, Is.Empty);
        Assert.That(diffs["auth"].BreakingCount, Is.Zero);
        Assert.That(diffs["auth"].Changes.Select(c => c.Section).Distinct(), Is.EqualTo(new[] { ChangeSection.New }));
        Assert.That(Lines(diffs["auth"]), Is.EquivalentTo(new[]
        {
            "- `account`: new resource: 2 operations (`GET /account`, `GET /account/{page}`)",
            "- `identity-provider-accounts`: new resource: 3 operations (`DELETE /identity-provider-accounts/{id}`, `GET /identity-provider-accounts`, "
                + "`GET /identity-provider-accounts/{id}`); fields `id`, `providerUserId`, `providerUserName`, `providerUserEmail`, `createdAt`, `updatedAt`, "
                + "`userId`, `user`, `userRealmId`, `userRealm`, `providerId`, `provider` and 2 more",
            "- `session-tokens`: new resource: 4 operations (`DELETE /session-tokens`, `DELETE /session-tokens/{id}`, `GET /session-tokens`, "
                + "`GET /session-tokens/{id}`); fields `id`, `sessionId`, `clientId`, `kind`, `parentId`, `refreshTokenId`, `ipAddress`, `userAgent`, "
                + "`consumedAt`, `revokedAt`, `expiresAt`, `createdAt` and 2 more",
            "- `POST /identity-providers/{id}/link-confirm`: new (a record in `{data, meta}`)",
            "- `POST /identity-providers/{id}/link-request`: new (a record)",
            "- Realm-scoped copies: 5 operations are also served under `/realms/{realmId}/…`, the same as without the prefix "
                + "(the package leaves such copies out and calls the unprefixed paths): `identity-provider-accounts`, `identity-providers`",
            "- `events`: new fields: `sessionId` (`string`, nullable)",
            "- `events.name`: new enum values: `identityProviderLinked`, `identityProviderUnlinked`",
        }));
    }

    [Test]
    public void From_0_8_13_to_0_14_0_in_one_step_Swagger_2_against_OpenAPI_3_1_reads_like_the_steps()
    {
        var diffs = Diff("0.8.13", "0.14.0");

        var all = diffs.Values.SelectMany(d => d.Changes).ToList();
        Assert.That(all.Where(c => c.Kind == ChangeKind.ParameterTypeChanged), Is.Empty, "path parameters are strings in both, declared the 2.0 and the 3.1 way");
        Assert.That(all.Where(c => c.Kind == ChangeKind.FieldTypeChanged && c.Text.Contains("createdAt", StringComparison.Ordinal)), Is.Empty,
            "createdAt as date-time, as a bare string or as TypeORM's Date object is one timestamp");
        Assert.That(diffs["auth"].Changes.Where(c => c.Kind == ChangeKind.ResourceRemoved).Select(c => c.Subject),
            Is.EquivalentTo(new[] { "`robots`", "`robot-permissions`", "`robot-roles`" }));
        Assert.That(diffs.Values.Select(d => d.Changes.Count(c => c.Kind == ChangeKind.WireStyleRenamed)), Is.All.EqualTo(1));
        Assert.That(Lines(diffs["core"]), Does.Contain("- Now deprecated: `nodes.robotId`"));
        Assert.That(Lines(diffs["core"]), Has.Some.StartsWith($"- {RecordsEnveloped}: 42 operations, of `analyses`, "));
        Assert.That(Lines(diffs["core"]), Does.Contain(
            "- `analysis-bucket-files.bucket`: possibly renamed to `analysisBucket` (the one gone and the one new field of shape `object`; "
            + ".NET `Bucket` → `AnalysisBucket`) — **breaking**: its .NET name changes"));
    }

    [Test]
    public void The_committed_0_14_0_report_is_the_one_the_import_writes_from_the_two_folders()
    {
        var report = ImportReport.Render(Folder("0.8.13"), Folder("0.14.0"), Services);

        Assert.That(File.ReadAllText(Path.Combine(Folder("0.14.0"), ChangesMarkdown.FileName)), Is.EqualTo(report),
            "re-run the import of specs/hub-0.14.0 (see its commit) to refresh CHANGES.md");
        Assert.That(report, Does.StartWith("# Hub 0.8.13 → 0.14.0: what changes for a client\n")
            .And.Contain("compared with those of the release before it, `specs/hub-0.8.13/`")
            .And.Contain("- Authup: 1.0.0-beta.26 → 1.0.0-beta.62\n"));
    }
}
