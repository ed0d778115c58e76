namespace FlameHub;

/// <summary>
/// The values of one response header as the exceptions carry them: a list that displays as the
/// header's value (<c>Origin, Accept-Encoding</c>), not as a type name, in a debugger or a log.
/// </summary>
internal sealed class HeaderValues : IReadOnlyList<string>
{
    private readonly string[] _values;

    public HeaderValues(IEnumerable<string> values) => _values = values.ToArray();

    public int Count => _values.Length;

    public string this[int index] => _values[index];

    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_values).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join(", ", _values);
}
