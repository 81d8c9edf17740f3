using PerfNotebooks.Kernel.Execution;

namespace PerfNotebooks.Kernel.Notebooks;

/// <summary>Options for a headless run.</summary>
public sealed record RunOptions
{
    /// <summary>Keep going after a failing cell instead of stopping there.</summary>
    public bool AllowErrors { get; init; }

    /// <summary>The longest any one cell may run before it is interrupted.</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Told about each cell as it starts (1-based index, count of code cells).</summary>
    public Action<int, int, NotebookCell>? OnCellStart { get; init; }

    /// <summary>Receives cell output as it happens (stream name, text), e.g. to echo it to a terminal.</summary>
    public Action<string, string>? Echo { get; init; }
}

/// <summary>What a headless run did.</summary>
public sealed record RunReport(int CellsRun, int CellsFailed, int? FirstFailedCell, CellError? FirstError, TimeSpan Duration);

/// <summary>Executes a notebook's C# cells top to bottom in-process, in a fresh session, recording outputs like Jupyter does.</summary>
public static class NotebookRunner
{
    public static async Task<RunReport> RunAsync(NotebookDocument notebook, string workingDirectory, RunOptions? options = null, CancellationToken cancellation = default)
    {
        options ??= new RunOptions();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var session = new CSharpSession(workingDirectory);
        var codeCells = notebook.Cells.Where(c => c.Kind == CellKind.Code).ToList();
        int run = 0, failed = 0;
        int? firstFailed = null;
        CellError? firstError = null;
        foreach (var cell in codeCells)
        {
            cancellation.ThrowIfCancellationRequested();
            var index = notebook.Cells.IndexOf(cell) + 1;
            options.OnCellStart?.Invoke(index, notebook.Cells.Count, cell);
            var outputs = new NotebookOutputs(options.Echo);
            var source = cell.IsCSharp ? cell.Source : $"#!{cell.Language}\n{cell.Source}";
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            timeout.CancelAfter(options.CellTimeout);
            using var onTimeout = timeout.Token.Register(session.Interrupt);
            var result = await session.ExecuteAsync(source, outputs, cancellation: timeout.Token);
            if (result.Status == CellStatus.Interrupted && !cancellation.IsCancellationRequested)
            {
                result = result with { Error = new CellError("CellTimeout", $"the cell ran longer than {options.CellTimeout.TotalSeconds:F0} s and was interrupted", [$"CellTimeout: the cell ran longer than {options.CellTimeout.TotalSeconds:F0} s (raise --timeout if it needs longer)."]) };
            }

            outputs.Result(result);
            cell.Outputs = outputs.Outputs;
            cell.ExecutionCount = result.ExecutionCount;
            run++;
            if (result.Status != CellStatus.Ok)
            {
                failed++;
                firstFailed ??= index;
                firstError ??= result.Error;
                if (!options.AllowErrors)
                {
                    break;
                }
            }
        }

        return new RunReport(run, failed, firstFailed, firstError, clock.Elapsed);
    }
}
