namespace FlameHub;

/// <summary>
/// A request body that can check itself before it is sent. The client calls
/// <see cref="Validate"/> before serializing, so a missing field fails without a request.
/// </summary>
internal interface IValidatable
{
    /// <summary>Checks that every field the Hub requires is set.</summary>
    /// <exception cref="ArgumentException">A required field is missing; the message names it.</exception>
    void Validate();
}
