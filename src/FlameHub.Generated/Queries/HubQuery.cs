using System.Globalization;
using System.Runtime.CompilerServices;

namespace FlameHub;

/// <summary>Turns <see cref="FindOptions"/> into the query string of a Hub list request.</summary>
internal static class HubQuery
{
    /// <summary>
    /// The query string without a leading <c>?</c>, empty when there is nothing to ask: filters in insertion
    /// order, then <c>page[limit]</c>, <c>page[offset]</c>, <c>sort</c>, <c>include</c> and <c>fields</c>.
    /// Brackets and list commas are literal; names and values are percent-encoded.
    /// </summary>
    /// <param name="options">The options, or <see langword="null"/> for none.</param>
    /// <param name="defaultIncludes">Every relation the resource can include, used while <see cref="IncludeSet.UseDefaults"/> holds.</param>
    public static string Build(FindOptions? options, IReadOnlyList<string> defaultIncludes)
    {
        ArgumentNullException.ThrowIfNull(defaultIncludes);
        // Without options the query depends on the operation's (fixed) default includes alone.
        if (options is null) return DefaultQueries.GetValue(defaultIncludes, static includes => Compose(null, includes));
        return Compose(options, defaultIncludes);
    }

    private static readonly ConditionalWeakTable<IReadOnlyList<string>, string> DefaultQueries = new();

    private static string Compose(FindOptions? options, IReadOnlyList<string> defaultIncludes)
    {
        var parts = new List<string>();
        if (options is not null)
        {
            foreach (var (field, condition) in options.Filter.Conditions)
                parts.Add($"filter[{field}]={condition.Encode()}");
            if (options.Page is { } page)
            {
                parts.Add($"page[limit]={page.Limit.ToString(CultureInfo.InvariantCulture)}");
                parts.Add($"page[offset]={page.Offset.ToString(CultureInfo.InvariantCulture)}");
            }
            AddList(parts, "sort", options.Sort);
        }
        AddList(parts, "include", options is null || options.Include.UseDefaults ? defaultIncludes : options.Include);
        if (options is not null)
            AddList(parts, "fields", options.Fields);
        return string.Join("&", parts);
    }

    private static void AddList(List<string> parts, string name, IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count > 0)
            parts.Add($"{name}={string.Join(",", list.Select(Uri.EscapeDataString))}");
    }
}
