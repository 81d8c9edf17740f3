namespace PerfNotebooks.Kernel.Execution;

/// <summary>
/// What a cell's top-level <c>using var</c> declarations hold, disposed in reverse order when the cell ends.
/// Public because rewritten cell code calls it (see <see cref="UsingDeclarations"/>).
/// </summary>
public static class CellScope
{
    public static T Using<T>(T value)
        where T : IDisposable?
    {
        Register(value, async: false);
        return value;
    }

    public static T AwaitUsing<T>(T value)
        where T : IAsyncDisposable?
    {
        Register(value, async: true);
        return value;
    }

    private static void Register(object? value, bool async)
    {
        if (value is null)
        {
            return; // as in C#: a null resource is not disposed
        }

        var cell = CellContext.Current
            ?? throw new InvalidOperationException("a top-level 'using' declaration ran outside a cell (from a background task that outlived it?); declare it inside the cell's code.");
        cell.DisposeAtEnd(value, async);
    }
}
