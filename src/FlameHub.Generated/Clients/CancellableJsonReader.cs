using Newtonsoft.Json;

namespace FlameHub;

/// <summary>
/// A <see cref="JsonTextReader"/> that checks the call's cancellation before each token it reads
/// (and the call's clock every few hundred), so a call's timeout and cancellation also stop the
/// deserialization of a large answer.
/// </summary>
internal sealed class CancellableJsonReader(TextReader reader, CallTimeout call) : JsonTextReader(reader)
{
    private const int ClockInterval = 256;
    private int _reads;

    private void Check()
    {
        if (++_reads % ClockInterval == 0) call.ThrowIfCancellationRequested();
        else call.Token.ThrowIfCancellationRequested();
    }

    public override bool Read()
    {
        Check();
        return base.Read();
    }

    public override string? ReadAsString()
    {
        Check();
        return base.ReadAsString();
    }

    public override int? ReadAsInt32()
    {
        Check();
        return base.ReadAsInt32();
    }

    public override bool? ReadAsBoolean()
    {
        Check();
        return base.ReadAsBoolean();
    }

    public override decimal? ReadAsDecimal()
    {
        Check();
        return base.ReadAsDecimal();
    }

    public override double? ReadAsDouble()
    {
        Check();
        return base.ReadAsDouble();
    }

    public override DateTime? ReadAsDateTime()
    {
        Check();
        return base.ReadAsDateTime();
    }

    public override DateTimeOffset? ReadAsDateTimeOffset()
    {
        Check();
        return base.ReadAsDateTimeOffset();
    }

    public override byte[]? ReadAsBytes()
    {
        Check();
        return base.ReadAsBytes();
    }
}
