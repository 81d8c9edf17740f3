namespace PerfNotebooks;

/// <summary>
/// The notebook the library is running in, if any. Our kernel sets <see cref="Current"/> at start-up
/// (Polyglot's extension can too), so long operations can show live progress in the running cell
/// without the library depending on a particular host.
/// </summary>
public static class NotebookHost
{
    public static INotebookDisplay? Current { get; set; }

    /// <summary>Shows <paramref name="value"/> in the running cell; null outside a notebook or between cells.</summary>
    public static IDisplayHandle? Display(object value) => Current?.Display(value);

    /// <summary>Cancelled when the user interrupts the running cell; never cancelled outside a notebook.</summary>
    public static CancellationToken CellCancellation => Current?.CellCancellation ?? CancellationToken.None;

    /// <summary>
    /// The caller's token joined with the running cell's, so a long library call (a load run, a profile)
    /// stops when the user interrupts the cell even though the cell passed no token.
    /// </summary>
    internal static CancellationTokenSource JoinCell(CancellationToken token) =>
        CancellationTokenSource.CreateLinkedTokenSource(token, CellCancellation);
}

/// <summary>A host that can show values in the running cell.</summary>
public interface INotebookDisplay
{
    /// <summary>Shows the value in the running cell; null when no cell is running.</summary>
    IDisplayHandle? Display(object value);

    /// <summary>Cancelled when the user interrupts the cell running on this flow; a host without interrupts keeps the default.</summary>
    CancellationToken CellCancellation => CancellationToken.None;
}

/// <summary>An output already shown in a notebook; <see cref="Update"/> replaces it in place.</summary>
public interface IDisplayHandle
{
    string DisplayId { get; }

    void Update(object value);
}

/// <summary>
/// A value that renders itself as a Jupyter MIME bundle (e.g. a chart carrying both
/// application/vnd.plotly.v1+json and text/html). JSON MIME types hold JSON text.
/// </summary>
public interface IMimeRenderable
{
    IReadOnlyDictionary<string, string> ToMimeBundle();
}
