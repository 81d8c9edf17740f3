namespace PerfNotebooks;

/// <summary>
/// Input the user gave us (a file, a URL, an option value) cannot be used. The message names the input
/// and says how to fix it; the CLI prints it on one line and exits with code 2.
/// </summary>
public sealed class BadInputException(string message, Exception? inner = null) : Exception(message, inner);
