using System.Collections;

namespace FlameHub;

/// <summary>One page of a list response: the records, and <see cref="Meta"/> with the total and the page that was served.</summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed class HubList<T> : IReadOnlyList<T>
{
    private readonly IReadOnlyList<T> _items;

    /// <summary>Wraps <paramref name="items"/> and their <paramref name="meta"/>.</summary>
    /// <param name="items">The records of the page.</param>
    /// <param name="meta">The list metadata.</param>
    public HubList(IReadOnlyList<T> items, ListMeta meta)
    {
        _items = items ?? throw new ArgumentNullException(nameof(items));
        Meta = meta ?? throw new ArgumentNullException(nameof(meta));
    }

    /// <summary>The total over all pages, and the limit and offset of this page.</summary>
    public ListMeta Meta { get; }

    /// <inheritdoc />
    public int Count => _items.Count;

    /// <inheritdoc />
    public T this[int index] => _items[index];

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
