namespace PerfNotebooks.Kernel.Execution;

/// <summary>Lets library code (progress of a load run, a live chart) display into whichever cell is running.</summary>
internal sealed class CellDisplay : INotebookDisplay
{
    /// <summary>Null between cells (a background task, or a host that ran notebooks in-process and went on): callers print instead.</summary>
    public IDisplayHandle? Display(object value) => CellContext.Current?.Display(value);

    public CancellationToken CellCancellation => CellContext.Current?.Cancellation ?? CancellationToken.None;
}
