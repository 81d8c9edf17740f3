using System.Text;

namespace PerfNotebooks.Kernel.Execution;

/// <summary>
/// Replaces Console.Out/Error once per process: text written on a cell's async flow goes to that cell,
/// anything else to the real stream (the kernel's log).
/// </summary>
internal sealed class CellConsole(TextWriter fallback, bool error) : TextWriter
{
    private static int _installed;

    public override Encoding Encoding => Encoding.UTF8;

    public static void Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 0)
        {
            Console.SetOut(new CellConsole(Console.Out, error: false));
            Console.SetError(new CellConsole(Console.Error, error: true));
            Console.SetIn(new CellInput(Console.In));
        }
    }

    public override void Write(char value) => Write(value.ToString());

    public override void Write(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        if (CellContext.Current is { } cell)
        {
            cell.Write(error, value);
        }
        else
        {
            fallback.Write(value);
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value) => Write(value + "\n");

    public override void WriteLine() => Write("\n");

    public override void Flush()
    {
        if (CellContext.Current is { } cell)
        {
            cell.Flush();
        }
        else
        {
            fallback.Flush();
        }
    }
}

/// <summary>Console.ReadLine inside a cell asks the notebook's user (Jupyter's stdin channel).</summary>
internal sealed class CellInput(TextReader fallback) : TextReader
{
    public override string? ReadLine() =>
        CellContext.Current is { } cell ? Ask(cell, "", password: false, "Console.ReadLine()") : fallback.ReadLine();

    public override int Read() => -1;

    /// <summary>
    /// Sends the prompt to the front end and waits for the answer. A host with no stdin gets an error saying so,
    /// not an endless wait nor a null the cell would trip over later.
    /// </summary>
    internal static string Ask(CellContext cell, string prompt, bool password, string call)
    {
        cell.Flush(); // text printed before the question shows above its input box
        return cell.Output.RequestInput(prompt, password)
            ?? throw new InvalidOperationException(
                $"{call} waits for someone to type, but this front end sends no input (nbclient, jupyter nbconvert --execute and perfnb run have no stdin): set the value in the cell instead, or run it in Jupyter Notebook or Lab.");
    }
}
