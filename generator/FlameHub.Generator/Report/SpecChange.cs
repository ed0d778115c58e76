namespace FlameHub.Generator.Report;

/// <summary>Where in a document a change is: its operations or its definitions.</summary>
public enum ChangeArea
{
    Operations,
    Schemas,
}

/// <summary>What kind of difference; <see cref="BreakingRules"/> says which of them break callers.</summary>
public enum ChangeKind
{
    OperationAdded,
    OperationRemoved,
    OperationIdChanged,
    RequiredParameterAdded,
    OptionalParameterAdded,
    ParameterRemoved,
    ParameterNowRequired,
    ParameterNowOptional,
    ParameterTypeChanged,
    ResponseAdded,
    ResponseRemoved,
    ResponseSchemaChanged,
    SchemaAdded,
    SchemaRemoved,
    RequiredPropertyAdded,
    OptionalPropertyAdded,
    PropertyRemoved,
    TypeChanged,
    NowNullable,
    NowNonNullable,
    PropertyNowRequired,
    PropertyNowOptional,
    EnumValuesAdded,
    EnumValuesRemoved,
}

/// <summary>
/// One difference between the old and the new document of a service. <see cref="Subject"/> names
/// what changed (<c>DELETE /nodes/{id}</c>, <c>Node.external_name</c>), <see cref="Text"/> says how.
/// </summary>
public sealed record SpecChange(ChangeArea Area, ChangeKind Kind, string Subject, string Text, bool Breaking, string? Why);
