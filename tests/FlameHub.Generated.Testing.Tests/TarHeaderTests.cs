using FlameHub.Testing.Serving;

namespace FlameHub.Generated.Testing.Tests;

/// <summary>The bucket archive's entry headers are the ones the Hub's tar-stream writes, byte for byte.</summary>
public sealed class TarHeaderTests
{
    /// <summary>The first 512 bytes of the recorded 0.14.0 bucket stream (exchange 89): the header of world.txt, 19 bytes.</summary>
    private const string Recorded =
        "d29ybGQudHh0AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAADAwMDY0NCAAMDAwMDAwIAAwMDAwMDAgADAwMDAwMDAwMDIzIDE1MzAzNTExNzI1IDAx"
        + "MTExMSAAMAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAB1c3RhcgAwMAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAwMDAwMDAgADAwMDAwMCAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
        + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    [Test]
    public void An_entry_header_is_the_recorded_Hubs_for_the_same_name_size_and_time()
    {
        var modified = DateTimeOffset.FromUnixTimeSeconds(1796117461); // octal 15303511725 in the recorded header
        using var content = new MemoryStream(new byte[19]);

        var header = TarStream.Header(new TarEntry("world.txt", 19, content), modified);

        Assert.That(Convert.ToBase64String(header), Is.EqualTo(Recorded));
    }

    [Test]
    public void A_path_past_100_bytes_is_split_into_the_ustar_prefix_and_name()
    {
        var directory = string.Join("/", Enumerable.Repeat("directory", 12)); // 119 bytes, 128 with the file name
        using var content = new MemoryStream([]);

        var header = TarStream.Header(new TarEntry(directory + "/file.txt", 0, content), DateTimeOffset.UnixEpoch);

        var name = System.Text.Encoding.ASCII.GetString(header, 0, 100).TrimEnd('\0');
        var prefix = System.Text.Encoding.ASCII.GetString(header, 345, 155).TrimEnd('\0');
        Assert.That(prefix, Is.EqualTo("directory/directory/directory"), "the first split that leaves a name of at most 100 bytes");
        Assert.That(prefix + "/" + name, Is.EqualTo(directory + "/file.txt"));
    }
}
