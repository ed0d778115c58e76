using System.Text.Json.Nodes;

namespace FlameHub.Testing.Model;

/// <summary>How a download of the release answers: its content type and <c>Content-Disposition</c>.</summary>
/// <param name="ContentType">The content type; null for the one the file was uploaded with.</param>
/// <param name="Disposition">The <c>Content-Disposition</c> header with <c>{name}</c> / <c>{id}</c> filled in; null for none.</param>
internal sealed record DownloadQuirk(string? ContentType, string? Disposition)
{
    public static DownloadQuirk Read(JsonNode? node) =>
        new(node?["contentType"]?.GetValue<string>(), node?["contentDisposition"]?.GetValue<string>());

    public string? DispositionFor(string? name, string? id) =>
        Disposition?.Replace("{name}", name ?? "", StringComparison.Ordinal).Replace("{id}", id ?? "", StringComparison.Ordinal);
}

/// <summary>
/// The release's facts about uploads and downloads (<c>transfers</c> in fake.json): a stored
/// file's download, the archive an owner of uploaded files streams, and whether an owner that
/// still holds files can be deleted.
/// </summary>
internal sealed class TransferQuirks
{
    private TransferQuirks(DownloadQuirk file, DownloadQuirk archive, string entryNameKey, ErrorTemplate? refuseNonEmptyDelete)
    {
        File = file;
        Archive = archive;
        EntryNameKey = entryNameKey;
        RefuseNonEmptyDelete = refuseNonEmptyDelete;
    }

    public DownloadQuirk File { get; }

    public DownloadQuirk Archive { get; }

    /// <summary>The item field (case and separators aside) an archive entry is named by: <c>path</c>.</summary>
    public string EntryNameKey { get; }

    /// <summary>The answer to deleting an owner that still holds files; null when the files go with it.</summary>
    public ErrorTemplate? RefuseNonEmptyDelete { get; }


    public static TransferQuirks Read(JsonObject data)
    {
        var refusal = data["nonEmptyDelete"] is JsonObject delete && delete["refused"]?.GetValue<bool>() == true
            ? new ErrorTemplate(delete["status"]!.GetValue<int>(), delete["body"]!.AsObject())
            : null;
        return new TransferQuirks(DownloadQuirk.Read(data["file"]), DownloadQuirk.Read(data["archive"]),
            data["archive"]?["entryName"]?.GetValue<string>() ?? "path", refusal);
    }
}
