namespace PerfNotebooks.Kernel.Execution;

/// <summary>Lets library code (progress of a load run, a live chart) display into whichever cell is running.</summary>
internal sealed class CellDisplay : INotebookDisplay
{
    public IDisplayHandle? Display(object value) => CellContext.Current?.Display(value);
    /// <summary>
    /// Shows the value in the running cell. Between cells (a background task, or a host that ran notebooks
    /// in-process and went on) there is no cell to show it in, so it goes to the console, as in a script.
    /// </summary>
    public IDisplayHandle Display(object value)
    {
        if (CellContext.Current is { } cell)
        {
            return cell.Display(value);
        }

        Console.WriteLine(value);
        return new ConsoleHandle();
    }

    private sealed class ConsoleHandle : IDisplayHandle
    {
        public string DisplayId { get; } = "console-" + Guid.NewGuid().ToString("N");

        public void Update(object value) => Console.WriteLine(value);
    }
}
