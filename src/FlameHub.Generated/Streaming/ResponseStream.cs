using System.Buffers;

namespace FlameHub;

/// <summary>
/// A read-only view of a response body that owns the response: disposing the stream disposes
/// the response, and with it the connection's hold on the unread rest of the body. A read waits at
/// most <see cref="ReadTimeout"/> for bytes; past it the read fails with an <see cref="HttpIOException"/>
/// whose inner exception is a <see cref="TimeoutException"/>. A body that cannot be decompressed
/// fails with an <see cref="HttpIOException"/> too, as HttpClient's own body faults do. With a
/// <see cref="TransferProgress"/>, every byte read is counted, and the end of the body (a read
/// returning 0, or the Content-Length reached) completes the count.
/// </summary>
internal sealed class ResponseStream : Stream
{
    private readonly HttpResponseMessage _response;
    private readonly Stream _body;
    private readonly TransferProgress? _progress;
    private readonly TimeProvider _clock;
    private CancellationTokenSource? _idle;
    private TimeSpan _idleLimit;
    private bool _disposed;

    /// <param name="response">The response the body belongs to; disposed with the stream.</param>
    /// <param name="body">The response's body as the handler delivers it.</param>
    /// <param name="idleLimit">How long one read may wait for bytes; <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</param>
    /// <param name="clock">The clock the idle limit runs on; null for the system's.</param>
    /// <param name="progress">Counts the bytes read; null to count nothing.</param>
    public ResponseStream(HttpResponseMessage response, Stream body, TimeSpan idleLimit, TimeProvider? clock = null, TransferProgress? progress = null)
    {
        if (idleLimit <= TimeSpan.Zero && idleLimit != Timeout.InfiniteTimeSpan) throw new ArgumentOutOfRangeException(nameof(idleLimit), "The idle limit must be positive or infinite.");
        _response = response;
        _body = body;
        _idleLimit = idleLimit;
        _progress = progress;
        _clock = clock ?? TimeProvider.System;
    }

    public override bool CanRead => !_disposed;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override bool CanTimeout => true;

    /// <summary>How long one read may wait for bytes, in milliseconds; <see cref="Timeout.Infinite"/> for no limit.</summary>
    public override int ReadTimeout
    {
        get => _idleLimit == Timeout.InfiniteTimeSpan ? Timeout.Infinite : (int)Math.Min(int.MaxValue, Math.Ceiling(_idleLimit.TotalMilliseconds));
        set
        {
            if (value <= 0 && value != Timeout.Infinite) throw new ArgumentOutOfRangeException(nameof(value), "ReadTimeout must be positive or Timeout.Infinite.");
            _idleLimit = value == Timeout.Infinite ? Timeout.InfiniteTimeSpan : TimeSpan.FromMilliseconds(value);
        }
    }

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return Read(buffer.AsSpan(offset, count));
    }

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_idleLimit == Timeout.InfiniteTimeSpan)
        {
            int read;
            try
            {
                read = _body.Read(buffer);
            }
            catch (InvalidDataException exception)
            {
                throw Undecodable(exception);
            }
            return Counted(read, buffer.Length);
        }
        // The handler's body stream can only be stopped through a read's cancellation token, which
        // its synchronous reads do not take; a synchronous read therefore waits for an asynchronous one.
        var rented = ArrayPool<byte>.Shared.Rent(buffer.Length);
        try
        {
            var read = ReadCoreAsync(rented.AsMemory(0, buffer.Length), CancellationToken.None).AsTask().GetAwaiter().GetResult();
            rented.AsSpan(0, read).CopyTo(buffer);
            return read;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ValidateBufferArguments(buffer, offset, count);
        return ReadCoreAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ReadCoreAsync(buffer, cancellationToken);

    private async ValueTask<int> ReadCoreAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var limit = _idleLimit;
        if (limit == Timeout.InfiniteTimeSpan) return Counted(await TranslateAsync(_body.ReadAsync(buffer, cancellationToken)).ConfigureAwait(false), buffer.Length);

        // One source for all reads: its timer is set before each read and stopped after it.
        var idle = _idle;
        if (idle is null || idle.IsCancellationRequested)
        {
            idle?.Dispose();
            idle = _idle = new CancellationTokenSource(limit, _clock);
        }
        else
        {
            idle.CancelAfter(limit);
        }
        var registration = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static source => ((CancellationTokenSource)source!).Cancel(), idle)
            : default;
        int read;
        try
        {
            read = await TranslateAsync(_body.ReadAsync(buffer, idle.Token)).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException && !cancellationToken.IsCancellationRequested && idle.IsCancellationRequested)
        {
            throw new HttpIOException(HttpRequestError.Unknown,
                $"{Describe()} received nothing for {Format(limit)}, the stream's ReadTimeout (set by HubClientOptions.AttemptTimeout).",
                new TimeoutException($"No bytes arrived within {Format(limit)}.", exception));
        }
        catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(exception.Message, exception, cancellationToken);
        }
        finally
        {
            await registration.DisposeAsync().ConfigureAwait(false);
            try
            {
                // A source on another clock than the system's cannot be reset: the next read gets a new one.
                if (!idle.TryReset() && !idle.IsCancellationRequested && ReferenceEquals(_idle, idle))
                {
                    _idle = null;
                    idle.Dispose();
                }
            }
            catch (ObjectDisposedException)
            {
                // The stream was disposed while the read ran.
            }
        }
        return Counted(read, buffer.Length);
    }

    /// <summary>Counts a read's bytes; a read of nothing into a non-empty buffer is the end of the body.</summary>
    private int Counted(int read, int requested)
    {
        if (_progress is { } progress)
        {
            if (read > 0) progress.Add(read);
            else if (requested > 0) progress.Complete();
        }
        return read;
    }

    private async ValueTask<int> TranslateAsync(ValueTask<int> read)
    {
        try
        {
            return await read.ConfigureAwait(false);
        }
        catch (InvalidDataException exception)
        {
            throw Undecodable(exception);
        }
    }

    private HttpIOException Undecodable(InvalidDataException exception) =>
        new(HttpRequestError.InvalidResponse, $"{Describe()} sent a body that cannot be decompressed: {exception.Message}", exception);

    private string Describe() => _response.RequestMessage is { RequestUri: { } uri } request
        ? $"The download of {request.Method} {(uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString)}"
        : "The download";

    private static string Format(TimeSpan limit) =>
        limit.TotalSeconds >= 1 ? $"{limit.TotalSeconds:0.###} s" : $"{limit.TotalMilliseconds:0} ms";

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            _body.Dispose();
            _response.Dispose();
            _idle?.Dispose();
        }
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            _disposed = true;
            await _body.DisposeAsync().ConfigureAwait(false);
            _response.Dispose();
            _idle?.Dispose();
        }
        GC.SuppressFinalize(this);
    }
}
