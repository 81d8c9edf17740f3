namespace PerfNotebooks.Kernel.Execution;

/// <summary>
/// The check the kernel weaves into every loop and method body of a cell, so that an interrupt stops
/// even code that never looks at a cancellation token (<c>while (true) { }</c>). Public because cell
/// code calls it. It stops only the cell that was interrupted (several sessions can share a process: the
/// grader, the tests); while no interrupt is pending anywhere it costs one volatile read. An interrupt stays
/// pending until the cell's code has really stopped, so code resuming later (after an abandoned
/// <c>await</c>) stops at its next check instead of running the rest of the cell.
/// </summary>
public static class Interruption
{
    // Cells with an interrupt requested and not yet finished, process-wide: the fast path's only read.
    private static int _pending;

    public static void Check()
    {
        if (Volatile.Read(ref _pending) != 0 && CellContext.Current is { InterruptRequested: true } cell && MayThrowHere(cell))
        {
            throw new OperationCanceledException("The cell was interrupted.");
        }
    }

    /// <summary>
    /// Not on a thread of the cell's own making (<c>new Thread(...)</c>): an exception nobody catches there
    /// would end the kernel process. The cell's thread and pool threads (tasks, async code) report it.
    /// </summary>
    private static bool MayThrowHere(CellContext cell)
    {
        var thread = Thread.CurrentThread;
        return thread.IsThreadPoolThread || ReferenceEquals(thread, cell.Thread);
    }

    internal static void Request(CellContext cell)
    {
        if (cell.TryMarkInterrupted())
        {
            Interlocked.Increment(ref _pending);
        }
    }

    /// <summary>The cell has ended: its interrupt, if any, is no longer pending.</summary>
    internal static void Clear(CellContext cell)
    {
        if (cell.TryClearInterrupted())
        {
            Interlocked.Decrement(ref _pending);
        }
    }
}
