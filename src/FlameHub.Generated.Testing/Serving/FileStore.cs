namespace FlameHub.Testing.Serving;

/// <summary>
/// The bytes of uploaded files, by the id of the entity the upload created: in memory until the
/// bytes held in memory would pass <see cref="MemoryLimit"/>, then each further file in its own
/// file of a temporary folder, which <see cref="Dispose"/> deletes. Stored content never changes,
/// so a download reads it without a copy. Callers hold <see cref="HubState.Gate"/>.
/// </summary>
internal sealed class FileStore(long memoryLimit) : IDisposable
{
    /// <summary>What a fake holds in memory before it writes files to disk: enough for test fixtures, little enough for a parallel test run.</summary>
    public const long DefaultMemoryLimit = 16 * 1024 * 1024;

    private readonly Dictionary<string, Stored> _files = new(StringComparer.OrdinalIgnoreCase);
    private long _inMemory;

    public long MemoryLimit { get; } = memoryLimit;

    /// <summary>The temporary folder once a file went to disk; null before.</summary>
    public string? Folder { get; private set; }

    public bool Contains(string id) => _files.ContainsKey(id);

    /// <summary>Stores <paramref name="content"/> (kept as it is when it stays in memory) with the content type it was sent with.</summary>
    public void Put(string id, ArraySegment<byte> content, string? contentType)
    {
        Remove(id);
        if (_inMemory + content.Count <= MemoryLimit)
        {
            _files[id] = new Stored(content, null, content.Count, contentType);
            _inMemory += content.Count;
            return;
        }
        Folder ??= Directory.CreateTempSubdirectory("flamehub-fakehub-").FullName;
        var path = Path.Combine(Folder, Guid.NewGuid().ToString("N"));
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            file.Write(content);
        }
        _files[id] = new Stored(default, path, content.Count, contentType);
    }

    /// <summary>A new read-only stream over the stored bytes, or null when <paramref name="id"/> holds none.</summary>
    public Stream? Open(string id)
    {
        if (!_files.TryGetValue(id, out var stored)) return null;
        if (stored.Path is null) return new MemoryStream(stored.Memory.Array!, stored.Memory.Offset, stored.Memory.Count, writable: false);
        // FileShare.Delete: a file deleted while a download still reads it goes once the download is done.
        return new FileStream(stored.Path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
    }

    public long Length(string id) => _files.TryGetValue(id, out var stored) ? stored.Length : 0;

    public string? ContentType(string id) => _files.TryGetValue(id, out var stored) ? stored.ContentType : null;

    public bool Remove(string id)
    {
        if (!_files.Remove(id, out var stored)) return false;
        if (stored.Path is null) _inMemory -= stored.Length;
        else TryDelete(() => File.Delete(stored.Path));
        return true;
    }

    public void Dispose()
    {
        _files.Clear();
        _inMemory = 0;
        if (Folder is { } folder) TryDelete(() => Directory.Delete(folder, recursive: true));
    }

    // A file still open elsewhere (Windows) stays behind in the temp folder rather than failing the test's cleanup.
    private static void TryDelete(Action delete)
    {
        try
        {
            delete();
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private readonly record struct Stored(ArraySegment<byte> Memory, string? Path, long Length, string? ContentType);
}
