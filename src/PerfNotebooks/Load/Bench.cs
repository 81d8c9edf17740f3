namespace PerfNotebooks.Load;

/// <summary>
/// Whole-command timing in the style of hyperfine: warm-up runs, measured runs, several commands
/// interleaved run by run so drift hits them alike, shell start-up subtracted, outliers flagged.
/// <code>var r = await Bench.Command("gzip -k -f big.log", runs: 10); r.SaveHyperfineJson("gzip.json");</code>
/// </summary>
public static class Bench
{
    public static Task<BenchReport> Command(string command, int runs = 10, int warmup = 1, CancellationToken cancellationToken = default) =>
        Commands([command], runs, warmup, cancellationToken);

    /// <summary>Benchmarks several commands, interleaved: run i executes every command once, in rotating order.</summary>
    public static async Task<BenchReport> Commands(IReadOnlyList<string> commands, int runs = 10, int warmup = 1, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commands);
        if (commands.Count == 0 || commands.Any(string.IsNullOrWhiteSpace))
        {
            throw new BadInputException("no command to benchmark; pass one or more shell commands, e.g. Bench.Command(\"sleep 0.1\").");
        }

        if (runs is < 1 or > 100_000)
        {
            throw new BadInputException($"runs {runs} is out of range; use 1 to 100000 (10 is a good start).");
        }

        if (warmup is < 0 or > 10_000)
        {
            throw new BadInputException($"warmup {warmup} is out of range; use 0 to 10000.");
        }

        using var cell = NotebookHost.JoinCell(cancellationToken); // an interrupted cell stops its runs
        cancellationToken = cell.Token;
        var shell = await ShellOverheadAsync(cancellationToken).ConfigureAwait(false);
        foreach (var command in commands)
        {
            for (var i = 0; i < warmup; i++)
            {
                await TimeOnceAsync(command, cancellationToken).ConfigureAwait(false);
            }
        }

        var times = commands.Select(_ => new List<double>()).ToArray();
        var codes = commands.Select(_ => new List<int>()).ToArray();
        var user = new double[commands.Count];
        var system = new double[commands.Count];
        for (var run = 0; run < runs; run++)
        {
            for (var j = 0; j < commands.Count; j++)
            {
                var c = (run + j) % commands.Count;
                var t = await TimeOnceAsync(commands[c], cancellationToken).ConfigureAwait(false);
                times[c].Add(Math.Max(0, t.Wall - shell.Wall));
                codes[c].Add(t.ExitCode);
                user[c] += Math.Max(0, t.User - shell.User);
                system[c] += Math.Max(0, t.System - shell.System);
            }
        }

        var results = commands.Select((command, c) => BenchResult.From(command, times[c], codes[c], user[c] / runs, system[c] / runs)).ToList();
        return new BenchReport(results);
    }

    private static async Task<ChildProcess.Timing> ShellOverheadAsync(CancellationToken cancellationToken)
    {
        // What it costs to start the shell with nothing to do; subtracted so a command's own time remains.
        var samples = new List<ChildProcess.Timing>();
        for (var i = 0; i < 20; i++)
        {
            samples.Add(await TimeOnceAsync(":", cancellationToken).ConfigureAwait(false));
        }

        return new ChildProcess.Timing(Median.Of(samples.Select(s => s.Wall)), samples.Average(s => s.User), samples.Average(s => s.System), 0);
    }

    private static Task<ChildProcess.Timing> TimeOnceAsync(string command, CancellationToken cancellationToken) =>
        // Output goes nowhere, like hyperfine's default, so terminal speed is not measured.
        ChildProcess.RunAsync("/bin/sh", ["-c", "exec </dev/null >/dev/null 2>&1\n" + command], cancellationToken);
}
