using System.Net;

namespace FlameHub;

/// <summary>
/// The body of one multipart part: the bytes of an <see cref="UploadFile"/>, copied to the
/// connection block by block when the request is sent, never buffered.
/// </summary>
/// <param name="file">The file.</param>
/// <param name="progress">Counts the bytes written, shared by every part of the request; null to count nothing.</param>
/// <param name="first">Whether this is the request's first part, whose sending restarts the count.</param>
/// <param name="last">Whether this is the request's last part, whose end completes the count.</param>
internal sealed class UploadFileContent(UploadFile file, TransferProgress? progress = null, bool first = true, bool last = true) : HttpContent
{
    private const int CopyBufferSize = 81920;

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var source = file.OpenForSending(out var owned);
        try
        {
            if (progress is null)
            {
                await source.CopyToAsync(stream, CopyBufferSize, cancellationToken).ConfigureAwait(false);
                return;
            }
            if (first) progress.Restart();
            await progress.CopyAsync(source, stream, CopyBufferSize, cancellationToken).ConfigureAwait(false);
            if (last) progress.Complete();
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
            if (progress is null)
            {
                source.CopyTo(stream, CopyBufferSize);
                return;
            }
            if (first) progress.Restart();
            progress.Copy(source, stream, CopyBufferSize);
            if (last) progress.Complete();
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
