namespace PerfNotebooks.Kernel.Execution;

/// <summary>Lets library code (progress of a load run, a live chart) display into whichever cell is running.</summary>
internal sealed class CellDisplay : INotebookDisplay
{
    public IDisplayHandle? Display(object value) => CellContext.Current?.Display(value);
}
