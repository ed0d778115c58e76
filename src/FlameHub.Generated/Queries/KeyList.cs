using System.Collections.ObjectModel;

namespace FlameHub;

/// <summary>A list of sort keys or field names, each checked as it is put in.</summary>
/// <param name="what">What an item is, for error messages.</param>
/// <param name="prefixes">The characters an item may start with, such as <c>-</c> for descending.</param>
internal sealed class KeyList(string what, string prefixes) : Collection<string>
{
    /// <inheritdoc />
    protected override void InsertItem(int index, string item) => base.InsertItem(index, QueryKey.Check(item, what, prefixes));

    /// <inheritdoc />
    protected override void SetItem(int index, string item) => base.SetItem(index, QueryKey.Check(item, what, prefixes));
}
