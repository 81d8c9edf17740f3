namespace PerfNotebooks;

/// <summary>
/// The input was fine but the work could not be done (a server died, a notebook cell failed). The CLI
/// prints the message on one line and exits with code 1.
/// </summary>
public sealed class WorkFailedException(string message, Exception? inner = null) : Exception(message, inner);
