using System.Text.Json.Nodes;

namespace FlameHub.Generator.Report;

/// <summary>
/// Compares two versions of one schema: its type, nullability and enum values, then its
/// properties one by one (added, removed, possibly renamed, required changed), descending into
/// inline objects and array items. A <c>$ref</c> is compared by name only; the definition it
/// names is compared on its own.
/// </summary>
public sealed class SchemaComparer(ChangeList changes, ChangeArea area)
{
    public void Compare(string subject, JsonNode? old, JsonNode? @new, SchemaUse use)
    {
        var (oldType, newType) = (SchemaShape.Describe(old), SchemaShape.Describe(@new));
        if (oldType != newType)
        {
            changes.Add(area, ChangeKind.TypeChanged, subject, $"type `{oldType}` → `{newType}`", use);
            return;
        }
        var (wasNullable, isNullable) = (SchemaShape.IsNullable(old), SchemaShape.IsNullable(@new));
        if (wasNullable != isNullable)
        {
            changes.Add(area, isNullable ? ChangeKind.NowNullable : ChangeKind.NowNonNullable, subject,
                isNullable ? "now nullable" : "no longer nullable", use);
        }
        var (oldEnum, newEnum) = (SchemaShape.EnumValues(old), SchemaShape.EnumValues(@new));
        if (oldEnum.Except(newEnum).ToList() is { Count: > 0 } removed)
        {
            changes.Add(area, ChangeKind.EnumValuesRemoved, subject, "enum values removed: " + List(removed), use);
        }
        if (newEnum.Except(oldEnum).ToList() is { Count: > 0 } added)
        {
            changes.Add(area, ChangeKind.EnumValuesAdded, subject, "enum values added: " + List(added), use);
        }
        if (old?["items"] is JsonObject oldItems && @new?["items"] is JsonObject newItems)
        {
            Compare(subject + "[]", oldItems, newItems, use);
        }
        if (old?["additionalProperties"] is JsonObject oldValues && @new?["additionalProperties"] is JsonObject newValues)
        {
            Compare(subject + "{}", oldValues, newValues, use);
        }
        CompareProperties(subject, old, @new, use);
    }

    private void CompareProperties(string subject, JsonNode? old, JsonNode? @new, SchemaUse use)
    {
        var (oldProperties, newProperties) = (SchemaShape.Properties(old), SchemaShape.Properties(@new));
        var (oldRequired, newRequired) = (SchemaShape.Required(old), SchemaShape.Required(@new));
        var removed = oldProperties.Select(p => p.Key).Where(k => !newProperties.ContainsKey(k)).ToList();
        var added = newProperties.Select(p => p.Key).Where(k => !oldProperties.ContainsKey(k)).ToList();
        var renames = RenameGuess.Pair(removed, added, name => Signature(oldProperties[name]), name => Signature(newProperties[name]));

        foreach (var name in removed)
        {
            var text = $"removed ({Summary(oldProperties[name], oldRequired.Contains(name))})"
                + (renames.FirstOrDefault(r => r.From == name) is { To: { } to } ? $" — possibly renamed to `{to}`" : "");
            changes.Add(area, ChangeKind.PropertyRemoved, $"{subject}.{name}", text, use);
        }
        foreach (var name in added)
        {
            var required = newRequired.Contains(name);
            var text = $"added ({Summary(newProperties[name], required)})"
                + (renames.FirstOrDefault(r => r.To == name) is { From: { } from } ? $" — possibly renamed from `{from}`" : "");
            changes.Add(area, required ? ChangeKind.RequiredPropertyAdded : ChangeKind.OptionalPropertyAdded, $"{subject}.{name}", text, use);
        }
        foreach (var (name, oldProperty) in oldProperties)
        {
            if (newProperties[name] is not { } newProperty) continue;
            var propertySubject = $"{subject}.{name}";
            if (oldRequired.Contains(name) != newRequired.Contains(name))
            {
                var nowRequired = newRequired.Contains(name);
                changes.Add(area, nowRequired ? ChangeKind.PropertyNowRequired : ChangeKind.PropertyNowOptional, propertySubject,
                    nowRequired ? "now required" : "no longer required", use);
            }
            Compare(propertySubject, oldProperty, newProperty, use);
        }
    }

    private static string Signature(JsonNode? schema) => SchemaShape.Describe(schema) + (SchemaShape.IsNullable(schema) ? "?" : "");

    private static string Summary(JsonNode? schema, bool required) =>
        $"`{SchemaShape.Describe(schema)}`" + (SchemaShape.IsNullable(schema) ? ", nullable" : "") + (required ? ", required" : "");

    private static string List(IEnumerable<string> values) => string.Join(", ", values.Order(StringComparer.Ordinal).Select(v => $"`{v}`"));
}
