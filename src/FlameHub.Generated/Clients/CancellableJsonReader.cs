using Newtonsoft.Json;

namespace FlameHub;

/// <summary>
/// A <see cref="JsonTextReader"/> that checks a token before each token it reads, so a call's
/// timeout and cancellation also stop the deserialization of a large answer.
/// </summary>
internal sealed class CancellableJsonReader(TextReader reader, CancellationToken cancellationToken) : JsonTextReader(reader)
{
    public override bool Read()
    {
        cancellationToken.ThrowIfCancellationRequested();
        return base.Read();
    }

    public override string? ReadAsString()
    {
        cancellationToken.ThrowIfCancellationRequested();
        return base.ReadAsString();
    }

    public override int? ReadAsInt32()
    {
        cancellationToken.ThrowIfCancellationRequested();
        return base.ReadAsInt32();
    }

    public override bool? ReadAsBoolean()
    {
        cancellationToken.ThrowIfCancellationRequested();
        return base.ReadAsBoolean();
    }

    public override decimal? ReadAsDecimal()
    {
        cancellationToken.ThrowIfCancellationRequested();
        return base.ReadAsDecimal();
    }

    public override double? ReadAsDouble()
    {
        cancellationToken.ThrowIfCancellationRequested();
        return base.ReadAsDouble();
    }

    public override DateTime? ReadAsDateTime()
    {
        cancellationToken.ThrowIfCancellationRequested();
        return base.ReadAsDateTime();
    }

    public override DateTimeOffset? ReadAsDateTimeOffset()
    {
        cancellationToken.ThrowIfCancellationRequested();
        return base.ReadAsDateTimeOffset();
    }

    public override byte[]? ReadAsBytes()
    {
        cancellationToken.ThrowIfCancellationRequested();
        return base.ReadAsBytes();
    }
}
