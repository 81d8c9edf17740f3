namespace PerfNotebooks.Kernel.Execution;

/// <summary>
/// The check the kernel weaves into every loop and method body of a cell, so that an interrupt stops
/// even code that never looks at a cancellation token (<c>while (true) { }</c>). Public because cell
/// code calls it; a volatile read is all it costs when nothing is interrupted.
/// </summary>
public static class Interruption
{
    private static volatile bool _requested;

    public static void Check()
    {
        if (_requested)
        {
            throw new OperationCanceledException("The cell was interrupted.");
        }
    }

    internal static void Request() => _requested = true;

    internal static void Reset() => _requested = false;
}
