using System.Collections.ObjectModel;

namespace FlameHub;

/// <summary>
/// The relations to embed in the returned records (<c>include=a,b</c>). Until it is changed it stands for
/// the resource's default: every relation the resource can include. Adding names narrows it to exactly
/// those; <see cref="Collection{T}.Clear"/>, or setting <see cref="UseDefaults"/> to <see langword="false"/>,
/// asks for no relations at all.
/// </summary>
/// <example><code>
/// new FindOptions { Include = { "realm" } };             // only the realm
/// new FindOptions { Include = { UseDefaults = false } }; // no relations
/// options.Include.Clear();                               // no relations
/// options.Include.UseDefaults = true;                    // back to every relation
/// </code></example>
public sealed class IncludeSet : Collection<string>
{
    /// <summary>
    /// Whether the resource's default relations are included. <see langword="true"/> until a relation is
    /// added or the set is cleared. Setting it to <see langword="true"/> removes any listed relations;
    /// setting it to <see langword="false"/> keeps them, so that only they are included (none if empty).
    /// </summary>
    public bool UseDefaults
    {
        get;
        set
        {
            if (value)
                base.ClearItems();
            field = value;
        }
    } = true;

    /// <summary>Empties the set and stops the defaults: no relations are included.</summary>
    protected override void ClearItems()
    {
        base.ClearItems();
        UseDefaults = false;
    }

    /// <summary>Adds a relation and stops the defaults: only the listed relations are included.</summary>
    /// <param name="index">Where to insert.</param>
    /// <param name="item">The relation name, such as <c>realm</c>.</param>
    protected override void InsertItem(int index, string item)
    {
        base.InsertItem(index, QueryKey.Check(item, "relation"));
        UseDefaults = false;
    }

    /// <summary>Replaces a relation.</summary>
    /// <param name="index">Which one.</param>
    /// <param name="item">The relation name, such as <c>realm</c>.</param>
    protected override void SetItem(int index, string item) => base.SetItem(index, QueryKey.Check(item, "relation"));
}
