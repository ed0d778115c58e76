using System.Diagnostics;

namespace FlameHub.Testing;

/// <summary>Runs the .NET CLI in a folder (the package consumer tests' throwaway projects) and returns its exit code and all it printed.</summary>
internal static class DotnetCommand
{
    public static Task<(int ExitCode, string Output)> RunAsync(string directory, CancellationToken cancellationToken, params string[] arguments) =>
        RunAsync(directory, new Dictionary<string, string?>(), cancellationToken, arguments);

    /// <summary>As <see cref="RunAsync(string, CancellationToken, string[])"/>, with <paramref name="environment"/> set (a null value removes the variable).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string directory, IReadOnlyDictionary<string, string?> environment, CancellationToken cancellationToken, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await output + await error);
    }
}
