namespace FlameHub.Generator.Report;

/// <summary>
/// The one place that decides which changes break callers and in which section the report lists
/// them. "Breaking" means: code written against the previous release's package stops compiling,
/// or starts failing against the new Hub. The package names its types and members from paths and
/// PascalCase field names and unwraps <c>{data, meta}</c> envelopes, so a wire-style rename or a
/// new envelope breaks nothing that goes through it. Request bodies are compared by kind only: the
/// package derives its create and update types from the entity's fields.
/// <code>
/// change                                   section  breaking  why
/// resource / operation removed             lost     yes       its methods disappear from the client
/// realm-scoped copies removed              lost     yes       calls through those paths fail
/// operation moved to another path          renamed  yes       its method is named from the new path
/// resource / operation / copies added      new      no
/// parameter removed                        lost     yes       calls passing it no longer compile
/// required parameter added                 shape    yes       every call must pass a new argument
/// optional parameter added                 new      no
/// parameter type changed / now required    shape    yes       old arguments no longer fit
/// body added / removed / kind changed      shape    yes       calls send something else
/// record answer now in / out of {data,meta} shape   no        the client unwraps data
/// list declared bare ↔ in {data, meta}      shape    no        the Hub sends the envelope either way
/// other answer shape change                shape    yes       callers read a different type
/// success status codes changed             shape    yes       callers checking the status see another one
/// entity fields removed                    lost     yes       code using them no longer compiles
/// entity field renamed (found by shape)    renamed  yes       its .NET name changes
/// wire-style rename (snake_case→camelCase) renamed  no        the .NET names stay the same
/// entity field type changed                shape    yes       values of the old type no longer fit
/// entity fields now nullable / optional    shape    yes       readers must handle null or absence
/// entity fields now non-null / required    shape    no
/// entity fields deprecated                 shape    no
/// enum values removed                      lost     yes       code using those values no longer compiles
/// entity fields / enum values added        new      no
/// security scheme removed                  lost     yes       callers authenticating that way are refused
/// security scheme added / changed details  new/shape no
/// </code>
/// </summary>
public static class BreakingRules
{
    private static readonly Dictionary<ChangeKind, (ChangeSection Section, string? Why)> Table = new()
    {
        [ChangeKind.ResourceRemoved] = (ChangeSection.Lost, "its methods disappear from the client"),
        [ChangeKind.ResourceAdded] = (ChangeSection.New, null),
        [ChangeKind.OperationRemoved] = (ChangeSection.Lost, "its method disappears from the client"),
        [ChangeKind.OperationAdded] = (ChangeSection.New, null),
        [ChangeKind.OperationMoved] = (ChangeSection.Renamed, "its method is named from the new path"),
        [ChangeKind.MountedCopiesRemoved] = (ChangeSection.Lost, "calls through those paths fail"),
        [ChangeKind.MountedCopiesAdded] = (ChangeSection.New, null),
        [ChangeKind.ParameterRemoved] = (ChangeSection.Lost, "calls passing it no longer compile"),
        [ChangeKind.RequiredParameterAdded] = (ChangeSection.Shape, "every call must pass a new argument"),
        [ChangeKind.OptionalParameterAdded] = (ChangeSection.New, null),
        [ChangeKind.ParameterTypeChanged] = (ChangeSection.Shape, "arguments of the old type no longer fit"),
        [ChangeKind.ParameterNowRequired] = (ChangeSection.Shape, "calls that left it out are rejected"),
        [ChangeKind.BodyAdded] = (ChangeSection.Shape, "calls must send a body"),
        [ChangeKind.BodyRemoved] = (ChangeSection.Shape, "calls sending a body no longer compile"),
        [ChangeKind.BodyKindChanged] = (ChangeSection.Shape, "the body is sent in another form"),
        [ChangeKind.AnswerEnveloped] = (ChangeSection.Shape, null),
        [ChangeKind.AnswerUnwrapped] = (ChangeSection.Shape, null),
        [ChangeKind.ListEnvelopeDeclared] = (ChangeSection.Shape, null),
        [ChangeKind.AnswerShapeChanged] = (ChangeSection.Shape, "callers read a different type"),
        [ChangeKind.StatusChanged] = (ChangeSection.Shape, "callers checking the status see another one"),
        [ChangeKind.FieldsRemoved] = (ChangeSection.Lost, "code using them no longer compiles"),
        [ChangeKind.FieldsAdded] = (ChangeSection.New, null),
        [ChangeKind.FieldRenamed] = (ChangeSection.Renamed, "its .NET name changes"),
        [ChangeKind.WireStyleRenamed] = (ChangeSection.Renamed, null),
        [ChangeKind.FieldTypeChanged] = (ChangeSection.Shape, "values of the old type no longer fit"),
        [ChangeKind.FieldsNowNullable] = (ChangeSection.Shape, "readers must handle null"),
        [ChangeKind.FieldsNowNonNullable] = (ChangeSection.Shape, null),
        [ChangeKind.FieldsNowOptional] = (ChangeSection.Shape, "readers may find them missing"),
        [ChangeKind.FieldsNowRequired] = (ChangeSection.Shape, null),
        [ChangeKind.FieldsDeprecated] = (ChangeSection.Shape, null),
        [ChangeKind.EnumValuesRemoved] = (ChangeSection.Lost, "code using those values no longer compiles"),
        [ChangeKind.EnumValuesAdded] = (ChangeSection.New, null),
        [ChangeKind.SecuritySchemeRemoved] = (ChangeSection.Lost, "callers authenticating that way are refused"),
        [ChangeKind.SecuritySchemeAdded] = (ChangeSection.New, null),
        [ChangeKind.SecuritySchemeChanged] = (ChangeSection.Shape, null),
    };

    /// <summary>The section a change of <paramref name="kind"/> is listed in, whether it breaks callers, and why.</summary>
    public static (ChangeSection Section, bool Breaking, string? Why) Classify(ChangeKind kind)
    {
        var (section, why) = Table[kind];
        return (section, why is not null, why);
    }

    /// <summary>Every kind has a rule; a test holds the table to that.</summary>
    public static bool Covers(ChangeKind kind) => Table.ContainsKey(kind);
}
