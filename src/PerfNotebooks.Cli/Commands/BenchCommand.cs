using System.CommandLine;
using PerfNotebooks.Load;

namespace PerfNotebooks.Cli.Commands;

/// <summary>`perfnb bench CMD...`: hyperfine-style whole-command timing, interleaved, with hyperfine JSON export.</summary>
internal static class BenchCommand
{
    internal static Command Create()
    {
        var commands = new Argument<string[]>("command") { Description = "Shell command(s) to time; several are interleaved run by run", Arity = ArgumentArity.OneOrMore };
        var runs = new Option<int>("--runs", "-r") { Description = "Measured runs per command", DefaultValueFactory = _ => 10 };
        var warmup = new Option<int>("--warmup", "-w") { Description = "Unmeasured runs per command first", DefaultValueFactory = _ => 1 };
        var export = new Option<string?>("--export-json") { Description = "Write results in hyperfine's JSON schema to this file" };
        var command = new Command("bench", "Time whole commands like hyperfine: warm-up, runs, interleaved A/B, outlier warning, hyperfine JSON export.")
        {
            commands, runs, warmup, export,
        };
        command.SetAction(async (ParseResult p, CancellationToken ct) =>
        {
            var report = await Bench.Commands(p.GetValue(commands)!, p.GetValue(runs), p.GetValue(warmup), ct);
            if (p.GetValue(export) is { } path)
            {
                LoadCommand.WriteAtomically(path, report.ToHyperfineJson());
            }

            p.InvocationConfiguration.Output.Write(report.ToString());
            // As hyperfine: timing a command that fails measures the failure, so the work did not succeed.
            var failing = report.Results.Where(r => r.ExitCodes.Any(c => c != 0)).ToList();
            return failing.Count == 0
                ? 0
                : throw new WorkFailedException(string.Join("; ", failing.Select(r =>
                    $"'{r.Command}' failed in {r.ExitCodes.Count(c => c != 0)} of {r.ExitCodes.Count} runs (exit {string.Join(", ", r.ExitCodes.Where(c => c != 0).Distinct())})")));
        });
        return command;
    }
}
