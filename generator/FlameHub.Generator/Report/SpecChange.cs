namespace FlameHub.Generator.Report;

/// <summary>The report's four questions, in the order it answers them.</summary>
public enum ChangeSection
{
    /// <summary>Resources, operations, fields, values and schemes the new release no longer has.</summary>
    Lost,
    /// <summary>What is still there but is read, sent or answered differently.</summary>
    Shape,
    /// <summary>Wire-style renames (said once) and real renames found by shape.</summary>
    Renamed,
    /// <summary>Resources, operations, fields, enum values and grants the new release adds.</summary>
    New,
}

/// <summary>What kind of difference; <see cref="BreakingRules"/> says which of them break callers and where the report lists them.</summary>
public enum ChangeKind
{
    ResourceRemoved,
    ResourceAdded,
    OperationRemoved,
    OperationAdded,
    OperationMoved,
    MountedCopiesRemoved,
    MountedCopiesAdded,
    ParameterRemoved,
    RequiredParameterAdded,
    OptionalParameterAdded,
    ParameterTypeChanged,
    ParameterNowRequired,
    BodyAdded,
    BodyRemoved,
    BodyKindChanged,
    AnswerEnveloped,
    AnswerUnwrapped,
    AnswerShapeChanged,
    ListEnvelopeDeclared,
    StatusChanged,
    FieldsRemoved,
    FieldsAdded,
    FieldRenamed,
    WireStyleRenamed,
    FieldTypeChanged,
    FieldsNowNullable,
    FieldsNowNonNullable,
    FieldsNowOptional,
    FieldsNowRequired,
    FieldsDeprecated,
    EnumValuesRemoved,
    EnumValuesAdded,
    SecuritySchemeRemoved,
    SecuritySchemeAdded,
    SecuritySchemeChanged,
}

/// <summary>
/// One line of the report: <see cref="Subject"/> names what changed (<c>robots</c>,
/// <c>DELETE /nodes/{id}</c>, <c>nodes</c>), <see cref="Text"/> says how. Changes of one kind
/// that many fields or operations share are one line.
/// </summary>
public sealed record SpecChange(ChangeSection Section, ChangeKind Kind, string Subject, string Text, bool Breaking, string? Why);
