namespace FlameHub;

/// <summary>The rules for a file's path inside a bucket, as carried in a multipart file name.</summary>
internal static class BucketPath
{
    /// <summary>Throws unless <paramref name="path"/> is a relative path of plain segments joined by <c>/</c>.</summary>
    public static void Validate(string? path, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(path, parameterName);
        string? problem =
            path.Length == 0 ? "must not be empty"
            : path.Contains('\\') ? "must separate directories with '/', not '\\'"
            : path.StartsWith('/') ? "must be relative (no leading '/')"
            // The path travels as a quoted multipart filename, which cannot hold these.
            : path.Any(c => char.IsControl(c) || c == '"') ? "must not contain control characters or '\"'"
            : path.Split('/').Any(s => s.Length == 0) ? "must not contain empty segments or end with '/'"
            : path.Split('/').Any(s => s is "." or "..") ? "must not contain '.' or '..' segments"
            : null;
        if (problem is not null)
        {
            throw new ArgumentException($"The bucket path '{path}' {problem}.", parameterName);
        }
    }
}
