namespace FlameHub;

/// <summary>
/// What a list request asks the Hub for: filters, one page, sort order, embedded relations and fields.
/// Everything left alone keeps the Hub's default.
/// </summary>
/// <example><code>
/// var options = new FindOptions
/// {
///     Filter = { ["name"] = Filter.StartsWith("my-node"), ["hidden"] = false },
///     Page = new Page(Limit: 10, Offset: 10),
///     Sort = { "-created_at", "name" },
///     Include = { "realm" },
///     Fields = { "id", "name", "+email" },
/// };
/// </code></example>
public sealed class FindOptions
{
    /// <summary>The filters by field name, all of which must hold (<c>filter[field]=value</c>).</summary>
    public FilterCollection Filter { get; } = new();

    /// <summary>The page to return (<c>page[limit]</c>, <c>page[offset]</c>); <see langword="null"/> for the Hub's first page of 50.</summary>
    public Page? Page { get; set; }

    /// <summary>Sort keys, most significant first: <c>name</c> ascending, <c>-created_at</c> descending (<c>sort=</c>).</summary>
    public IList<string> Sort { get; } = new KeyList("sort key", "-");

    /// <summary>The relations to embed; by default every relation the resource can include. See <see cref="IncludeSet"/>.</summary>
    public IncludeSet Include { get; } = new();

    /// <summary>
    /// The fields to return (<c>fields=</c>): <c>id</c> selects a field, <c>+email</c> adds one the Hub does not
    /// return by default, <c>-name</c> leaves one out. Empty for the Hub's default fields.
    /// </summary>
    public IList<string> Fields { get; } = new KeyList("field", "+-");

    /// <summary>A copy of these options asking for <paramref name="page"/>; these options are not changed.</summary>
    /// <param name="page">The page for the copy.</param>
    /// <returns>New options with the same filters, sort, relations and fields.</returns>
    public FindOptions WithPage(Page page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var copy = new FindOptions { Page = page };
        Filter.CopyTo(copy.Filter);
        foreach (var key in Sort)
            copy.Sort.Add(key);
        foreach (var field in Fields)
            copy.Fields.Add(field);
        foreach (var relation in Include)
            copy.Include.Add(relation);
        copy.Include.UseDefaults = Include.UseDefaults;
        return copy;
    }
}
