using Newtonsoft.Json;

namespace FlameHub;

/// <summary>
/// Base of the generated request bodies (<c>Create…</c> and <c>Update…</c>): every field starts
/// unset, assigning a property sets it, and only set fields are serialized, in the order they
/// were first set. A field set to <see langword="null"/> is sent as <c>null</c>; a field never
/// set is left out of the JSON. Changing a collection in place does not set its field: assign it.
/// </summary>
/// <example>
/// <code>
/// var update = new UpdateNode { Hidden = true, ExternalName = null };
/// // serializes as {"hidden":true,"external_name":null}
/// update.IsSet(NodeFields.ExternalName); // true
/// update.Reset(NodeFields.ExternalName); // now {"hidden":true}
/// </code>
/// </example>
[JsonConverter(typeof(SetFieldsConverter))]
public abstract class UnsetTracking
{
    private readonly HashSet<string> _set = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    /// <summary>Only the generated bodies derive from this class.</summary>
    private protected UnsetTracking()
    {
    }

    /// <summary>The wire names of the fields that are set and will be sent, in the order they were first set.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> SetFields => _order;

    /// <summary>
    /// Whether the field named <paramref name="wireName"/> on the wire (<c>external_name</c>, or
    /// the entity's <c>…Fields</c> constant) was assigned, <see langword="null"/> included.
    /// </summary>
    /// <param name="wireName">The field's JSON name; an unknown name is never set.</param>
    public bool IsSet(string wireName) => _set.Contains(wireName);

    /// <summary>Makes a field unset again: its property returns to its default and it is not sent.</summary>
    /// <param name="wireName">The field's JSON name.</param>
    /// <exception cref="ArgumentException">The type has no field of that name.</exception>
    public void Reset(string wireName)
    {
        if (!ClearField(wireName))
        {
            throw new ArgumentException($"{GetType().Name} has no field '{wireName}'.", nameof(wireName));
        }
        if (_set.Remove(wireName)) _order.Remove(wireName);
    }

    /// <summary>Makes every field unset.</summary>
    public void ResetAll()
    {
        foreach (var wireName in _order.ToList()) Reset(wireName);
    }

    /// <summary>Records that the property of <paramref name="wireName"/> was assigned.</summary>
    /// <param name="wireName">The field's JSON name.</param>
    private protected void MarkSet(string wireName)
    {
        if (_set.Add(wireName)) _order.Add(wireName);
    }

    /// <summary>Returns the property of <paramref name="wireName"/> to its default value.</summary>
    /// <param name="wireName">The field's JSON name.</param>
    /// <returns>Whether the type has that field.</returns>
    private protected abstract bool ClearField(string wireName);

    /// <summary>Throws when a field the Hub requires is unset, or null where null is not allowed.</summary>
    /// <param name="wireName">The field's JSON name.</param>
    /// <param name="propertyName">The C# property of the field, for the message.</param>
    /// <param name="value">The property's value.</param>
    /// <param name="allowsNull">Whether <see langword="null"/> is a valid value.</param>
    /// <exception cref="ArgumentException">The field is unset, or null while it must not be.</exception>
    private protected void EnsureRequired(string wireName, string propertyName, object? value, bool allowsNull)
    {
        if (!IsSet(wireName))
        {
            throw new ArgumentException(
                $"{GetType().Name}.{propertyName} ('{wireName}') is required but was not set.", propertyName);
        }
        if (value is null && !allowsNull)
        {
            throw new ArgumentException(
                $"{GetType().Name}.{propertyName} ('{wireName}') is required and must not be null.", propertyName);
        }
    }
}
