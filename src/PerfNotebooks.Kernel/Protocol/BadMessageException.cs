namespace PerfNotebooks.Kernel.Protocol;

/// <summary>A message whose content does not have the fields its type requires; answered with an error reply.</summary>
public sealed class BadMessageException(string message) : Exception(message);
