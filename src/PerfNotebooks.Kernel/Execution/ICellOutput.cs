namespace PerfNotebooks.Kernel.Execution;

/// <summary>
/// Where a running cell's outputs go: the kernel turns them into iopub messages, the headless runner
/// into the notebook's outputs.
/// </summary>
public interface ICellOutput
{
    void Stream(string name, string text);

    void Display(MimeBundle bundle, string displayId, bool update);

    /// <summary>Asks the user for a line of input (Console.ReadLine in a cell); null when the host has no stdin.</summary>
    string? RequestInput(string prompt, bool password);

    /// <summary>
    /// Clears the cell's outputs so far (Jupyter's clear_output); with <paramref name="wait"/>, only when the next
    /// output arrives, so a loop that redraws does not flicker.
    /// </summary>
    void ClearOutput(bool wait) =>
        throw new NotSupportedException($"{GetType().Name} cannot clear a cell's output; run the cell in Jupyter or with perfnb run.");
}
