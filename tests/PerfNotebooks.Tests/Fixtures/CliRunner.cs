using PerfNotebooks.Cli;

namespace PerfNotebooks.Tests.Fixtures;

/// <summary>Runs perfnb in-process and captures what it prints, for CLI contract tests.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static async Task<Result> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await PerfnbApp.RunAsync(args, stdout, stderr);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }
}
