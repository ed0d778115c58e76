namespace FlameHub;

/// <summary>A request body that checks itself before it is sent.</summary>
public interface IValidatable
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the first field that is missing or invalid.</summary>
    void Validate();
}
