using System.Diagnostics;
using PerfNotebooks.Kernel.Notebooks;
using PerfNotebooks.Workbooks;

namespace PerfNotebooks.Cli.Commands;

/// <summary>
/// Runs a learner's sealed notebook in a fresh perfnb process (its own kernel session, statics and servers), killed
/// with its whole process tree when it outlives every cell's time limit. Whatever ran before that is kept.
/// </summary>
internal sealed class SealedRunner(TimeSpan cellTimeout, string workFolder, TextWriter log)
{
    public const string Folder = ".sealed";

    public async Task<SealedRun> Run(NotebookDocument notebook, string learnerFolder, CancellationToken ct)
    {
        Directory.CreateDirectory(workFolder);
        var name = Guid.NewGuid().ToString("N")[..8];
        var input = Path.Combine(workFolder, name + ".in.ipynb");
        var output = Path.Combine(workFolder, name + ".out.ipynb");
        notebook.Save(input);
        var codeCells = notebook.Cells.Count(c => c.Kind == CellKind.Code);

        // Each cell is interrupted at its limit; the whole run gets that per cell plus start-up, then is killed.
        var deadline = TimeSpan.FromTicks(cellTimeout.Ticks * (codeCells + 1)) + TimeSpan.FromSeconds(60);
        var start = Self();
        foreach (var argument in new[] { "workbook", "sealed-run", input, output, "--timeout", ((int)cellTimeout.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        start.WorkingDirectory = learnerFolder;
        using var process = Process.Start(start) ?? throw new WorkFailedException($"could not start {start.FileName} for a sealed run");
        var stderr = process.StandardError.ReadToEndAsync(ct);
        _ = process.StandardOutput.ReadToEndAsync(ct);
        string? failure = null;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(deadline);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            failure = $"stopped after {deadline.TotalSeconds:0} s";
        }

        var executed = File.Exists(output) ? NotebookDocument.Load(output) : notebook;
        if (failure is null && process.ExitCode != 0)
        {
            var cell = executed.Cells.FindLastIndex(c => c.Outputs.Count > 0 || c.ExecutionCount is not null) + 2;
            failure = $"the kernel died (exit {process.ExitCode}) at about cell {cell}";
            log.WriteLine($"perfnb workbook grade: {failure}: {(await stderr).Trim().Split('\n').LastOrDefault()}");
        }

        return new SealedRun(executed, failure ?? WorkbookGrader.FirstError(executed));
    }

    private static ProcessStartInfo Self()
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(SealedRunner).Assembly.Location);
        }

        return start;
    }
}
