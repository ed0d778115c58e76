namespace FlameHub.Generator.Tests.PublicApi.Sample;

// The listing tests read this type's metadata; its members cover what a listing must show or hide.
public class PublicApiSample
{
    public const string Name = "sample";

    public string? Title { get; set; }

    public Task<PublicApiSample?> FindAsync(Guid id, string? filter = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<PublicApiSample?>(null);

    protected virtual void Extend()
    {
    }

    internal void Hidden()
    {
    }

    private void Private()
    {
    }

    public enum Kind
    {
        First = 1,
    }
}

internal sealed class InternalSample
{
}

internal interface IInternalContract
{
}

// An internal interface is an implementation detail: the listing names only the public one.
public readonly struct StructSample : IEquatable<StructSample>, IInternalContract
{
    public bool Equals(StructSample other) => true;
}
