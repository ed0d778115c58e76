using System.Diagnostics;

namespace FlameHub.Generated.Benchmarks;

/// <summary>Starts this program with <c>--server</c> as the loopback Hub in a child process, and stops it.</summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri root)
    {
        _process = process;
        Root = root;
    }

    /// <summary>The server's root, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Root { get; }

    public static ServerProcess Start()
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The process path is unknown.");
        var start = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(ServerProcess).Assembly.Location);
        start.ArgumentList.Add("--server");
        start.Environment["DOTNET_gcServer"] = "0";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the loopback server.");
        var line = process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("The loopback server ended before it listened.");
        if (!line.StartsWith("listening ", StringComparison.Ordinal)) throw new InvalidOperationException("Unexpected server output: " + line);
        return new ServerProcess(process, new Uri(line["listening ".Length..]));
    }

    /// <summary>The base URL of a service, with the list or download size the server should use.</summary>
    public Uri Service(string service, long count = 10_000) => new(Root, $"n{count}/{service}/");

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(10_000)) _process.Kill();
        }
        finally
        {
            _process.Dispose();
        }
    }
}
