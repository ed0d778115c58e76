using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace FlameHub;

/// <summary>
/// The filters of a <see cref="FindOptions"/>, by field name (<c>filter[field]=value</c>), all of which must
/// hold. A field may be a relation's, as in <c>realm.name</c>. Values are plain values (equality),
/// <see langword="null"/> (NULL) or conditions made by <see cref="Filter"/>. Kept in insertion order.
/// </summary>
/// <remarks>
/// Field names and values are checked when they are put in: an <see cref="ArgumentException"/> whose
/// message and <see cref="ArgumentException.ParamName"/> name the field refuses anything the Hub would
/// misread, so that no request is sent with a filter that means something else.
/// </remarks>
public sealed class FilterCollection : IDictionary<string, object?>
{
    private readonly List<Entry> _entries = [];

    private sealed record Entry(string Field, object? Value, FilterValue Condition);

    /// <summary>The value filtered on for <paramref name="field"/>; setting it replaces any earlier one in place.</summary>
    /// <param name="field">The field name.</param>
    /// <exception cref="KeyNotFoundException">Getting a field that has no filter.</exception>
    /// <exception cref="ArgumentException">Setting a field name or value the Hub would misread.</exception>
    public object? this[string field]
    {
        get => _entries[IndexOf(field) is >= 0 and var i ? i : throw new KeyNotFoundException($"No filter on '{field}'.")].Value;
        set
        {
            var entry = Create(field, value);
            var index = IndexOf(field);
            if (index >= 0)
                _entries[index] = entry;
            else
                _entries.Add(entry);
        }
    }

    /// <summary>The filtered field names, in insertion order.</summary>
    public ICollection<string> Keys => _entries.Select(e => e.Field).ToList();

    /// <summary>The values as they were put in, in insertion order.</summary>
    public ICollection<object?> Values => _entries.Select(e => e.Value).ToList();

    /// <summary>The number of filters.</summary>
    public int Count => _entries.Count;

    bool ICollection<KeyValuePair<string, object?>>.IsReadOnly => false;

    /// <summary>The conditions as sent, in insertion order.</summary>
    internal IEnumerable<KeyValuePair<string, FilterValue>> Conditions =>
        _entries.Select(e => new KeyValuePair<string, FilterValue>(e.Field, e.Condition));

    /// <summary>Adds a filter on a field that has none yet.</summary>
    /// <param name="field">The field name.</param>
    /// <param name="value">A plain value, <see langword="null"/>, or a condition made by <see cref="Filter"/>.</param>
    /// <exception cref="ArgumentException">The field already has a filter, or the Hub would misread the name or value.</exception>
    public void Add(string field, object? value)
    {
        var entry = Create(field, value);
        if (IndexOf(field) >= 0)
            throw new ArgumentException($"There is already a filter on '{field}'.", nameof(field));
        _entries.Add(entry);
    }

    void ICollection<KeyValuePair<string, object?>>.Add(KeyValuePair<string, object?> item) => Add(item.Key, item.Value);

    /// <summary>Removes every filter.</summary>
    public void Clear() => _entries.Clear();

    /// <summary>Whether <paramref name="field"/> has a filter.</summary>
    /// <param name="field">The field name.</param>
    /// <returns><see langword="true"/> if it has one.</returns>
    public bool ContainsKey(string field) => IndexOf(field) >= 0;

    bool ICollection<KeyValuePair<string, object?>>.Contains(KeyValuePair<string, object?> item) =>
        IndexOf(item.Key) is >= 0 and var i && Equals(_entries[i].Value, item.Value);

    void ICollection<KeyValuePair<string, object?>>.CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex) =>
        _entries.Select(e => new KeyValuePair<string, object?>(e.Field, e.Value)).ToList().CopyTo(array, arrayIndex);

    /// <summary>Removes the filter on <paramref name="field"/>.</summary>
    /// <param name="field">The field name.</param>
    /// <returns><see langword="true"/> if there was one.</returns>
    public bool Remove(string field)
    {
        var index = IndexOf(field);
        if (index >= 0)
            _entries.RemoveAt(index);
        return index >= 0;
    }

    bool ICollection<KeyValuePair<string, object?>>.Remove(KeyValuePair<string, object?> item) =>
        ((ICollection<KeyValuePair<string, object?>>)this).Contains(item) && Remove(item.Key);

    /// <summary>Gets the value filtered on for <paramref name="field"/>, if any.</summary>
    /// <param name="field">The field name.</param>
    /// <param name="value">The value as it was put in.</param>
    /// <returns><see langword="true"/> if the field has a filter.</returns>
    public bool TryGetValue(string field, [MaybeNullWhen(false)] out object? value)
    {
        var index = IndexOf(field);
        value = index >= 0 ? _entries[index].Value : null;
        return index >= 0;
    }

    /// <summary>Enumerates the filters in insertion order.</summary>
    /// <returns>The field names with their values as put in.</returns>
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() =>
        _entries.Select(e => new KeyValuePair<string, object?>(e.Field, e.Value)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Copies every filter into <paramref name="target"/>.</summary>
    internal void CopyTo(FilterCollection target) => target._entries.AddRange(_entries);

    private int IndexOf(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return _entries.FindIndex(e => string.Equals(e.Field, field, StringComparison.Ordinal));
    }

    private static Entry Create(string field, object? value)
    {
        QueryKey.Check(field, "filter field");
        var condition = Filter.From(value);
        condition.EnsureReadableFor(field);
        return new Entry(field, value, condition);
    }
}
