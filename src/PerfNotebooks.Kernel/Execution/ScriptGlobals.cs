namespace PerfNotebooks.Kernel.Execution;

/// <summary>
/// Members every cell sees without qualification. Lower-case <c>display</c> matches what Polyglot
/// Notebooks users type.
/// </summary>
public class ScriptGlobals
{
#pragma warning disable CA1822, IDE1006 // Instance members with notebook-style names are how cells see them.
    /// <summary>Shows a value now and returns a handle whose Update replaces it in place.</summary>
    public DisplayHandle display(object? value) =>
        (CellContext.Current ?? throw new InvalidOperationException("display() can only be called while a cell runs."))
        .Display(value);

    /// <summary>Cancelled when the user interrupts the cell; pass it to long-running calls.</summary>
    public CancellationToken CellCancellation => CellContext.Current?.Cancellation ?? CancellationToken.None;
#pragma warning restore CA1822, IDE1006
}

/// <summary>Polyglot-style <c>value.Display()</c>.</summary>
public static class DisplayExtensions
{
    public static DisplayHandle Display(this object? value) =>
        (CellContext.Current ?? throw new InvalidOperationException("Display() can only be called while a cell runs."))
        .Display(value);
}
