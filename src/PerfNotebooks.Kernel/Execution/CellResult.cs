namespace PerfNotebooks.Kernel.Execution;

/// <summary>How a cell ended.</summary>
public enum CellStatus
{
    Ok,
    Error,
    Interrupted,
}

/// <summary>The outcome of one cell: its value (if the cell ends in an expression) or its error.</summary>
public sealed record CellResult(CellStatus Status, MimeBundle? Value, CellError? Error, int ExecutionCount, TimeSpan Duration);

/// <summary>A cell's error as Jupyter shows it: name, value and a short traceback.</summary>
public sealed record CellError(string Name, string Value, IReadOnlyList<string> Traceback)
{
    public override string ToString() => string.Join('\n', Traceback);
}
