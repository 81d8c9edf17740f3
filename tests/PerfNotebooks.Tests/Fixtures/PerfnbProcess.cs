using System.Diagnostics;

namespace PerfNotebooks.Tests.Fixtures;

/// <summary>
/// Runs perfnb in its own process, as a user's shell does (the test project references the CLI, so perfnb.dll sits
/// next to the tests): for commands that own the process (workbooks, the interview prompt on stdin).
/// </summary>
public static class PerfnbProcess
{
    public static async Task<CliRunner.Result> Run(IEnumerable<string> args, TimeSpan timeout, string? input = null, string? repoRoot = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = input is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "perfnb.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PERFNB_REPO_ROOT"] = repoRoot ?? RepoPaths.Root;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }

        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"perfnb {string.Join(' ', args)} ran longer than {timeout.TotalMinutes} minutes:\n{await stdout}\n{await stderr}");
        }

        return new CliRunner.Result(process.ExitCode, await stdout, await stderr);
    }
}
