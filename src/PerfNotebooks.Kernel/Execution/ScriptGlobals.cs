namespace PerfNotebooks.Kernel.Execution;

/// <summary>
/// Members every cell sees without qualification. Lower-case <c>display</c> and upper-case <c>HTML</c> match
/// what Polyglot Notebooks users type.
/// </summary>
public class ScriptGlobals
{
#pragma warning disable CA1822, IDE1006 // Instance members with notebook-style names are how cells see them.
    /// <summary>Shows a value now and returns a handle whose Update replaces it in place.</summary>
    /// <param name="value">What to show: any value, formatted as the notebook would show a cell's result.</param>
    /// <param name="mimeTypes">Show the value as exactly these MIME types (e.g. "text/html"); a string is taken as content of those types.</param>
    public DisplayHandle display(object? value, params string[] mimeTypes)
    {
        var cell = Running("display()");
        return mimeTypes.Length == 0 ? cell.Display(value) : cell.Display(MimeBundle.From(value, mimeTypes)).WithMimeTypes(mimeTypes);
    }

    /// <summary>HTML to show as it is: the cell's result, or pass it to display().</summary>
    /// <param name="html">The markup, e.g. "&lt;b&gt;done&lt;/b&gt;".</param>
    public HtmlContent HTML(string html) => new(html);

    /// <summary>Markdown for the notebook to render: the cell's result, or pass it to display().</summary>
    /// <param name="markdown">The markdown text, e.g. "**p99** fell from 40 ms to 9 ms".</param>
    public MarkdownContent Markdown(string markdown) => new(markdown);

    /// <summary>Clears what this cell has shown so far (Jupyter's clear_output).</summary>
    /// <param name="wait">Clear only when the next output arrives, so a cell that redraws in a loop does not flicker.</param>
    public void ClearOutput(bool wait = false)
    {
        var cell = Running("ClearOutput()");
        cell.Flush(); // text written before the call belongs to what is cleared
        cell.Output.ClearOutput(wait);
    }

    /// <summary>Asks the notebook's user for a line of text, like Python's input(); Console.ReadLine() asks too.</summary>
    /// <param name="prompt">Shown beside the input box.</param>
    public string Input(string prompt = "") => CellInput.Ask(Running("Input()"), prompt, password: false, "Input()");

    /// <summary>Asks the notebook's user for a secret; the front end hides what is typed and nothing is stored in the notebook.</summary>
    /// <param name="prompt">Shown beside the input box.</param>
    public string ReadPassword(string prompt = "Password: ") => CellInput.Ask(Running("ReadPassword()"), prompt, password: true, "ReadPassword()");

    /// <summary>Cancelled when the user interrupts the cell; pass it to long-running calls.</summary>
    public CancellationToken CellCancellation => CellContext.Current?.Cancellation ?? CancellationToken.None;
#pragma warning restore CA1822, IDE1006

    private static CellContext Running(string call) =>
        CellContext.Current ?? throw new InvalidOperationException($"{call} can only be called while a cell runs.");
}

/// <summary>
/// Polyglot-style <c>value.Display()</c>. Two overloads rather than one with <c>params</c>: the Formatting package
/// brings its own <c>System.DisplayExtensions.Display(object, params string[])</c>, and these must win over it.
/// </summary>
public static class DisplayExtensions
{
    /// <summary>Shows the value now and returns a handle whose Update replaces it in place.</summary>
    /// <param name="value">What to show.</param>
    public static DisplayHandle Display(this object? value) => new ScriptGlobals().display(value);

    /// <summary>Shows the value as exactly these MIME types (e.g. "text/html"); a string is taken as content of those types.</summary>
    /// <param name="value">What to show.</param>
    /// <param name="mimeType">The first MIME type.</param>
    /// <param name="moreMimeTypes">Any others.</param>
    public static DisplayHandle Display(this object? value, string mimeType, params string[] moreMimeTypes) =>
        new ScriptGlobals().display(value, [mimeType, .. moreMimeTypes]);
}
