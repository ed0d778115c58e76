using System.Net.Http.Headers;

namespace FlameHub;

/// <summary>
/// One file to upload into a Hub bucket: where it goes in the bucket, and where its bytes come from.
/// </summary>
/// <remarks>
/// <para>
/// Ownership: a stream passed to the constructor stays the caller's. It is never disposed by this
/// type nor by the upload; dispose it yourself once the upload has finished. A file named with
/// <see cref="FromFile"/> is opened only while it is being sent and closed right after, so such an
/// <see cref="UploadFile"/> holds no handle and needs no disposal.
/// </para>
/// <para>
/// Replay: the bytes are streamed, never buffered. A seekable stream is sent from the position it
/// had when this object was created, and again from there if the request is re-sent; a file from
/// <see cref="FromFile"/> is reopened. A non-seekable stream can be sent only once: a second attempt
/// throws <see cref="InvalidOperationException"/> instead of sending an empty file.
/// </para>
/// </remarks>
public sealed class UploadFile
{
    private readonly Stream? _stream;
    private readonly long _start;
    private readonly string? _localPath;
    private int _sent;

    /// <summary>Describes a file whose bytes are read from <paramref name="content"/>.</summary>
    /// <param name="path">
    /// The file's path in the bucket, relative and with <c>/</c> between directories, for example
    /// <c>data/hello.txt</c>. The Hub stores its last segment as the file's name and the rest as its directory.
    /// </param>
    /// <param name="content">A readable stream with the file's bytes, from its current position on. It is not disposed.</param>
    /// <param name="contentType">The media type sent for the part; <c>application/octet-stream</c> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a valid relative path, <paramref name="content"/> is not readable, or <paramref name="contentType"/> is not a media type.</exception>
    public UploadFile(string path, Stream content, string? contentType = null)
        : this(path, nameof(path), contentType)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanRead) throw new ArgumentException("The stream must be readable.", nameof(content));
        _stream = content;
        _start = content.CanSeek ? content.Position : -1;
    }

    private UploadFile(string path, string pathParameter, string? contentType, string localPath)
        : this(path, pathParameter, contentType)
    {
        _localPath = localPath;
    }

    private UploadFile(string path, string pathParameter, string? contentType)
    {
        BucketPath.Validate(path, pathParameter);
        Path = path;
        ContentType = ValidContentType(contentType);
    }

    /// <summary>The file's path in the bucket, for example <c>data/hello.txt</c>.</summary>
    public string Path { get; }

    /// <summary>The media type sent for the part.</summary>
    public string ContentType { get; }

    /// <summary>Describes a local file to upload. The file is opened only while it is sent, and closed afterwards.</summary>
    /// <param name="localPath">The local file.</param>
    /// <param name="hubPath">The path in the bucket; the local file's name when <see langword="null"/>.</param>
    /// <param name="contentType">The media type sent for the part; <c>application/octet-stream</c> when <see langword="null"/>.</param>
    /// <returns>The file to upload.</returns>
    /// <exception cref="ArgumentException"><paramref name="localPath"/> is empty, or <paramref name="hubPath"/> or <paramref name="contentType"/> is invalid.</exception>
    /// <exception cref="FileNotFoundException"><paramref name="localPath"/> does not exist.</exception>
    public static UploadFile FromFile(string localPath, string? hubPath = null, string? contentType = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(localPath);
        var fullPath = System.IO.Path.GetFullPath(localPath);
        if (!File.Exists(fullPath)) throw new FileNotFoundException("The file to upload does not exist.", fullPath);
        return new UploadFile(hubPath ?? System.IO.Path.GetFileName(fullPath), nameof(hubPath), contentType, fullPath);
    }

    /// <summary>The number of bytes that will be sent, if known before sending.</summary>
    internal long? Length =>
        _localPath is not null ? new FileInfo(_localPath).Length
        : _stream!.CanSeek ? _stream.Length - _start
        : null;

    /// <summary>
    /// The stream to send from, positioned at the file's first byte, and whether the caller of this
    /// method must dispose it (only streams opened here).
    /// </summary>
    internal Stream OpenForSending(out bool owned)
    {
        if (_localPath is not null)
        {
            owned = true;
            return new FileStream(_localPath, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                Share = FileShare.Read,
                Options = FileOptions.Asynchronous | FileOptions.SequentialScan,
                BufferSize = 0, // the copy reads in large blocks already
            });
        }

        owned = false;
        if (_stream!.CanSeek)
        {
            _stream.Position = _start;
        }
        else if (Interlocked.Exchange(ref _sent, 1) == 1)
        {
            throw new InvalidOperationException(
                $"The stream of '{Path}' cannot seek and was already sent once; it cannot be sent again.");
        }
        return _stream;
    }

    private static string ValidContentType(string? contentType)
    {
        if (contentType is null) return "application/octet-stream";
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed))
        {
            throw new ArgumentException($"'{contentType}' is not a media type.", nameof(contentType));
        }
        return parsed.ToString();
    }
}
