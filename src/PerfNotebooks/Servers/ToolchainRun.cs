using System.ComponentModel;
using System.Diagnostics;

namespace PerfNotebooks.Servers;

/// <summary>Runs a build tool (go build, npm ci) to completion, keeping its output for the error message.</summary>
internal static class ToolchainRun
{
    public static async Task<(int ExitCode, string Output)> Run(
        string program, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment,
        string missingHint, CancellationToken ct)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new WorkFailedException($"could not start '{program}'");
        }
        catch (Win32Exception)
        {
            throw new WorkFailedException($"'{program}' is not on PATH; {missingHint}");
        }

        using (process)
        {
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            try
            {
                await process.WaitForExitAsync(ct);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            return (process.ExitCode, ((await stdout) + (await stderr)).Trim());
        }
    }

    /// <summary>The last lines of a tool's output: enough to see why it failed, short enough for one message.</summary>
    public static string Tail(string output, int lines = 8) =>
        string.Join(" | ", output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(lines));
}
