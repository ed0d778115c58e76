using System.Net;

namespace FlameHub;

/// <summary>
/// The body of one multipart part: the bytes of an <see cref="UploadFile"/>, copied to the
/// connection block by block when the request is sent, never buffered.
/// </summary>
internal sealed class UploadFileContent(UploadFile file) : HttpContent
{
    private const int CopyBufferSize = 81920;

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var source = file.OpenForSending(out var owned);
        try
        {
            await source.CopyToAsync(stream, CopyBufferSize, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (owned) await source.DisposeAsync().ConfigureAwait(false);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var source = file.OpenForSending(out var owned);
        try
        {
            source.CopyTo(stream, CopyBufferSize);
        }
        finally
        {
            if (owned) source.Dispose();
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = file.Length ?? -1;
        return length >= 0;
    }
}
