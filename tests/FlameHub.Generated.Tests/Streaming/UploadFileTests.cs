namespace FlameHub.Generated.Tests.Streaming;

/// <summary>What an <see cref="UploadFile"/> accepts, and what it owns.</summary>
public class UploadFileTests
{
    [TestCase("data.bin")]
    [TestCase("data/hello.txt")]
    [TestCase("a/b/c/.hidden")]
    [TestCase("dätä/grüße.txt")]
    [TestCase("with space/..dots../x")]
    public void Valid_paths_are_kept_as_given(string path)
    {
        Assert.That(new UploadFile(path, new MemoryStream()).Path, Is.EqualTo(path));
    }

    [TestCase("")]
    [TestCase("/data.bin")]
    [TestCase("data\\hello.txt")]
    [TestCase("../data.bin")]
    [TestCase("data/../../etc/passwd")]
    [TestCase("data/..")]
    [TestCase("./data.bin")]
    [TestCase("data//hello.txt")]
    [TestCase("data/")]
    [TestCase("say \"hi\".txt")]
    [TestCase("line\nbreak.txt")]
    public void Invalid_paths_are_rejected_naming_the_parameter(string path)
    {
        Assert.That(() => new UploadFile(path, new MemoryStream()), Throws.ArgumentException.With.Property("ParamName").EqualTo("path"));
    }

    [Test]
    public void Null_arguments_are_rejected()
    {
        Assert.That(() => new UploadFile(null!, new MemoryStream()), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("path"));
        Assert.That(() => new UploadFile("a", null!), Throws.ArgumentNullException.With.Property("ParamName").EqualTo("content"));
    }

    [Test]
    public void An_unreadable_stream_is_rejected()
    {
        var writeOnly = new FileStream(Path.GetTempFileName(), FileMode.Open, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
        using (writeOnly)
        {
            Assert.That(() => new UploadFile("a", writeOnly), Throws.ArgumentException.With.Property("ParamName").EqualTo("content"));
        }
    }

    [Test]
    public void The_content_type_defaults_to_octet_stream_and_must_be_a_media_type()
    {
        Assert.That(new UploadFile("a", new MemoryStream()).ContentType, Is.EqualTo("application/octet-stream"));
        Assert.That(new UploadFile("a", new MemoryStream(), "text/csv").ContentType, Is.EqualTo("text/csv"));
        Assert.That(() => new UploadFile("a", new MemoryStream(), "not a type"), Throws.ArgumentException.With.Property("ParamName").EqualTo("contentType"));
    }

    [Test]
    public void FromFile_names_the_file_after_the_local_one_unless_told()
    {
        var path = Path.GetTempFileName();
        try
        {
            Assert.That(UploadFile.FromFile(path).Path, Is.EqualTo(Path.GetFileName(path)));
            Assert.That(UploadFile.FromFile(path, "in/bucket.csv", "text/csv").Path, Is.EqualTo("in/bucket.csv"));
            Assert.That(() => UploadFile.FromFile(path, "/abs"), Throws.ArgumentException.With.Property("ParamName").EqualTo("hubPath"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void FromFile_needs_an_existing_file_and_holds_no_handle()
    {
        var path = Path.GetTempFileName();
        try
        {
            UploadFile.FromFile(path);
            File.Delete(path); // would fail on Windows if a handle were open
            Assert.That(() => UploadFile.FromFile(path), Throws.InstanceOf<FileNotFoundException>());
            Assert.That(() => UploadFile.FromFile(""), Throws.ArgumentException.With.Property("ParamName").EqualTo("localPath"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
