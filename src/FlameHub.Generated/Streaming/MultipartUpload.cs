using System.Net.Http.Headers;
using System.Text;

namespace FlameHub;

/// <summary>Builds the <c>multipart/form-data</c> body of <c>POST /buckets/{id}/upload</c>.</summary>
internal static class MultipartUpload
{
    /// <summary>
    /// One part per file, named <c>file</c>, <c>file2</c>, <c>file3</c>, … (the Hub accepts any
    /// names), whose quoted <c>filename</c> is the file's bucket path with its <c>/</c> kept: the Hub
    /// stores the file under that path.
    /// </summary>
    /// <remarks>
    /// The content streams every file when sent and has a length only if every file's is known
    /// (otherwise it goes chunked). Disposing it disposes no caller stream. Whether it can be sent a
    /// second time is up to each <see cref="UploadFile"/>: one over a non-seekable stream throws then.
    /// With <paramref name="progress"/>, the files' bytes (not the multipart framing) are counted as
    /// they are written, across all files, and the total is reported once the last file is written.
    /// </remarks>
    /// <param name="files">The files; at least one.</param>
    /// <param name="progress">
    /// Receives the bytes sent so far, at most every <see cref="TransferProgress.Interval"/> and once
    /// more when the last file is written; null for no reports.
    /// </param>
    public static HttpContent Create(IReadOnlyList<UploadFile> files, IProgress<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0) throw new ArgumentException("At least one file is needed.", nameof(files));

        var content = new MultipartContent("form-data", "flamehub-" + Guid.NewGuid().ToString("N"))
        {
            // Non-ASCII paths go as raw UTF-8, as browsers send them and RFC 7578 (4.2) allows.
            HeaderEncodingSelector = static (_, _) => Encoding.UTF8,
        };
        var counter = TransferProgress.For(progress);
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i] ?? throw new ArgumentException($"files[{i}] is null.", nameof(files));
            content.Add(Part(file, i == 0 ? "file" : "file" + (i + 1), new UploadFileContent(file, counter, first: i == 0, last: i == files.Count - 1)));
        }
        return content;
    }

    private static UploadFileContent Part(UploadFile file, string name, UploadFileContent part)
    {
        // Written by hand: ContentDispositionHeaderValue would MIME-encode non-ASCII names
        // (=?utf-8?B?...?=) and MultipartFormDataContent adds filename*, which RFC 7578 forbids.
        // BucketPath rules out the '"' and control characters a quoted string cannot hold.
        part.Headers.TryAddWithoutValidation("Content-Disposition", $"form-data; name=\"{name}\"; filename=\"{file.Path}\"");
        part.Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType);
        return part;
    }
}
