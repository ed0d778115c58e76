namespace FlameHub.Generator.Report;

/// <summary>
/// The one place that decides which changes break callers. "Breaking" means: code that used the
/// client generated from the old documents stops compiling, or starts failing against the new Hub,
/// once the client is regenerated. Some changes break only one direction of data: those depend on
/// whether callers send the schema (it is reached from a request body) or read it (reached from a
/// response); a schema no operation reaches counts as both.
/// <code>
/// change                                 breaking               why
/// operation removed                      always                 its method disappears from the client
/// operation added / operationId changed  never                  (the client names operations from method and path)
/// required parameter added               always                 every call must pass a new argument
/// optional parameter added               never
/// parameter removed                      always                 calls passing it no longer compile
/// parameter optional → required          always                 calls that left it out are rejected
/// parameter required → optional          never
/// parameter type/format changed          always                 arguments of the old type no longer fit
/// response added                         never
/// response removed                       always                 callers handling it lose its type
/// response schema changed                always                 callers read a different type
/// schema added                           never
/// schema removed                         always                 code using the type no longer compiles
/// property removed                       always                 code using the property no longer compiles
/// property / schema type changed         always                 values of the old type no longer fit
/// enum values removed                    always                 code using those values no longer compiles
/// enum values added                      never
/// required property added                when sent              request bodies must carry it
/// optional property added                never
/// property optional → required           when sent              request bodies must carry it
/// property required → optional           when read              readers may find it missing
/// property non-nullable → nullable       when read              readers must handle null
/// property nullable → non-nullable       when sent              null is no longer accepted
/// </code>
/// A renamed property is a removal plus an addition, so it is breaking; the report marks the pair
/// as "possibly renamed" when the two have the same type in the same schema.
/// </summary>
public static class BreakingRules
{
    private enum When { Never, Always, WhenSent, WhenRead }

    private static readonly Dictionary<ChangeKind, (When When, string? Why)> Table = new()
    {
        [ChangeKind.OperationAdded] = (When.Never, null),
        [ChangeKind.OperationRemoved] = (When.Always, "its method disappears from the client"),
        [ChangeKind.OperationIdChanged] = (When.Never, null),
        [ChangeKind.RequiredParameterAdded] = (When.Always, "every call must pass a new argument"),
        [ChangeKind.OptionalParameterAdded] = (When.Never, null),
        [ChangeKind.ParameterRemoved] = (When.Always, "calls passing it no longer compile"),
        [ChangeKind.ParameterNowRequired] = (When.Always, "calls that left it out are rejected"),
        [ChangeKind.ParameterNowOptional] = (When.Never, null),
        [ChangeKind.ParameterTypeChanged] = (When.Always, "arguments of the old type no longer fit"),
        [ChangeKind.ResponseAdded] = (When.Never, null),
        [ChangeKind.ResponseRemoved] = (When.Always, "callers handling it lose its type"),
        [ChangeKind.ResponseSchemaChanged] = (When.Always, "callers read a different type"),
        [ChangeKind.SchemaAdded] = (When.Never, null),
        [ChangeKind.SchemaRemoved] = (When.Always, "code using the type no longer compiles"),
        [ChangeKind.PropertyRemoved] = (When.Always, "code using the property no longer compiles"),
        [ChangeKind.TypeChanged] = (When.Always, "values of the old type no longer fit"),
        [ChangeKind.EnumValuesRemoved] = (When.Always, "code using those values no longer compiles"),
        [ChangeKind.EnumValuesAdded] = (When.Never, null),
        [ChangeKind.RequiredPropertyAdded] = (When.WhenSent, "request bodies must carry it"),
        [ChangeKind.OptionalPropertyAdded] = (When.Never, null),
        [ChangeKind.PropertyNowRequired] = (When.WhenSent, "request bodies must carry it"),
        [ChangeKind.PropertyNowOptional] = (When.WhenRead, "readers may find it missing"),
        [ChangeKind.NowNullable] = (When.WhenRead, "readers must handle null"),
        [ChangeKind.NowNonNullable] = (When.WhenSent, "null is no longer accepted"),
    };

    /// <summary>Whether <paramref name="kind"/> breaks callers of a schema used as <paramref name="use"/>, and why.</summary>
    public static (bool Breaking, string? Why) Classify(ChangeKind kind, SchemaUse use)
    {
        var (when, why) = Table[kind];
        var breaking = when switch
        {
            When.Always => true,
            When.WhenSent => use.HasFlag(SchemaUse.Sent),
            When.WhenRead => use.HasFlag(SchemaUse.Read),
            _ => false,
        };
        return breaking ? (true, why) : (false, null);
    }

    /// <summary>Every kind has a rule; a test holds the table to that.</summary>
    public static bool Covers(ChangeKind kind) => Table.ContainsKey(kind);
}
